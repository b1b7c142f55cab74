package kiosk.fulfilment.shipping;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature (README: the webhook contract): header
 * {@code Kiosk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC keyed with the shared
 * secret over {@code <t>.<raw body>}. Signing the timestamp with the body lets the receiver refuse
 * an old request (a replay) without trusting anything unsigned; more than one v1 may be sent, so a
 * partner can sign with the old and the new secret while it is rotated.
 */
public final class WebhookSignature {

    public static final String HEADER = "kiosk-signature";
    /** How far a request's timestamp may be from the receiver's clock, either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;

    public WebhookSignature(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("the webhook secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header's value for this body at this time. */
    public String header(byte[] body, Instant at) {
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac(at.getEpochSecond(), body));
    }

    /** Why a request may not be trusted, or null when its signature is good and recent. */
    public String refusal(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            return "the " + HEADER + " header is missing";
        }
        if (header.length() > 1024) {
            return "the " + HEADER + " header is too long";
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return "the " + HEADER + " header is malformed";
            }
            if (pair[0].equals("t") && pair[1].matches("[0-9]{1,12}")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1") && pair[1].matches("[0-9a-fA-F]{64}")) {
                signatures.add(pair[1].toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return "the " + HEADER + " header needs t=<unix seconds> and v1=<hex HMAC-SHA256>";
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return "the signature's timestamp is more than " + TOLERANCE.toMinutes() + " minutes from now";
        }
        byte[] expected = mac(timestamp, body);
        for (String signature : signatures) {
            // Constant time: how long a wrong guess takes says nothing of how close it was.
            if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) {
                return null;
            }
        }
        return "the signature does not match the body";
    }

    private byte[] mac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
