package kiosk.shared.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** Entity tags made from a representation's bytes, and If-None-Match's weak comparison (RFC 9110 13.1.2). */
final class EntityTags {

    private EntityTags() {
    }

    /** {@code "<version>.<digest>"}, or {@code "<digest>"} without a version: 96 bits of SHA-256, base64url. */
    static String of(Long version, String json) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(
                    (json == null ? "" : json).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        return "\"" + (version == null ? "" : version + ".") + text + "\"";
    }

    /**
     * Whether If-None-Match names the current tag: {@code *}, or a comma-separated list of tags
     * compared weakly (a W/ prefix on either side is ignored, as the RFC says for this header).
     */
    static boolean noneMatchHolds(String ifNoneMatch, String current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String opaque = opaque(current);
        for (String tag : ifNoneMatch.split(",")) {
            if (opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String stripped = tag.strip();
        return stripped.startsWith("W/") ? stripped.substring(2) : stripped;
    }
}
