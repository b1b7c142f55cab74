package kiosk.fulfilment.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The inboxes in memory, for the service and handler tests; held to the same contract as DynamoDB's. */
final class InMemoryNotificationStore implements NotificationStore {

    private final Map<String, NavigableMap<String, Notification>> inboxes = new HashMap<>();

    @Override
    public synchronized Added add(Notification notification) {
        NavigableMap<String, Notification> inbox = inboxes.computeIfAbsent(notification.userId(), u -> new TreeMap<>());
        Notification stored = inbox.putIfAbsent(notification.id(), notification);
        return stored == null ? new Added(notification, true) : new Added(stored, false);
    }

    @Override
    public synchronized void setEmail(String userId, String id, Notification.EmailStatus status) {
        Notification stored = find(userId, id).orElseThrow(() -> new IllegalStateException("no notification " + id));
        inboxes.get(userId).put(id, stored.withEmail(status));
    }

    @Override
    public synchronized Page list(String userId, int limit, Optional<String> afterId) {
        NavigableMap<String, Notification> newestFirst = inboxes.getOrDefault(userId, new TreeMap<>()).descendingMap();
        List<Notification> items = new ArrayList<>((afterId.isPresent() ? newestFirst.tailMap(afterId.get(), false)
                : newestFirst).values());
        boolean more = items.size() > limit;
        List<Notification> page = more ? items.subList(0, limit) : items;
        return new Page(List.copyOf(page), more ? Optional.of(page.get(limit - 1).id()) : Optional.empty());
    }

    @Override
    public synchronized Optional<Notification> markRead(String userId, String id) {
        Optional<Notification> read = find(userId, id).map(Notification::withRead);
        read.ifPresent(n -> inboxes.get(userId).put(id, n));
        return read;
    }

    private Optional<Notification> find(String userId, String id) {
        return Optional.ofNullable(inboxes.getOrDefault(userId, new TreeMap<>()).get(id));
    }
}
