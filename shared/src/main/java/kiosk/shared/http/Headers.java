package kiosk.shared.http;

import java.util.Map;
import java.util.Optional;

/** Header lookup in an event's header map, as every invoker shapes it. */
public final class Headers {

    private Headers() {
    }

    /**
     * The named header, ignoring case: API Gateway lower-cases names, other invokers may not. A
     * value that is not a string (a hand-written event) counts as absent.
     */
    public static Optional<String> find(Map<String, ?> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        Object value = headers.get(name);
        if (value == null) {
            for (Map.Entry<String, ?> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                    value = entry.getValue();
                    break;
                }
            }
        }
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
