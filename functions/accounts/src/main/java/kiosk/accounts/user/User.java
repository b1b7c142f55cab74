package kiosk.accounts.user;

import java.util.Set;
import java.util.TreeSet;

/** An account. {@code email} is normalized (trimmed, lower-cased); {@code passwordHash} is a PHC string. */
public record User(String id, String email, String name, String passwordHash, Set<String> roles, String createdAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    /** Roles in a stable order, for tokens and answers. */
    public java.util.List<String> sortedRoles() {
        return java.util.List.copyOf(new TreeSet<>(roles));
    }

    /** The hash stays out of logs and assertion messages. */
    @Override
    public String toString() {
        return "User[" + id + "]";
    }
}
