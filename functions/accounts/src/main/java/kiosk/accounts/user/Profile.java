package kiosk.accounts.user;

import java.util.List;

/** What an account's owner sees of it (GET /me): never the hash. */
public record Profile(String id, String email, String name, List<String> roles, String createdAt) {

    public static Profile of(User user) {
        return new Profile(user.id(), user.email(), user.name(), user.sortedRoles(), user.createdAt());
    }
}
