package kiosk.accounts.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kiosk.shared.json.JsonWriter;
import kiosk.shared.lambda.SnapStart;

/**
 * Access tokens: JWTs (RFC 7519) signed with HS256, valid {@link #LIFETIME_SECONDS}. Written by
 * hand on javax.crypto rather than with a JOSE library: a token we issue has one shape, so
 * verifying it is a short list of exact checks, and the authorizer's cold start stays that of the
 * JDK's HMAC. Anything not of that shape is refused, which is what defeats algorithm confusion:
 * the algorithm is never taken from the token, only compared with the one we use.
 */
public final class AccessTokens {

    public static final long LIFETIME_SECONDS = 15 * 60;
    /** Leeway for clocks that disagree a little between the signer and the verifier. */
    public static final long CLOCK_SKEW_SECONDS = 30;
    public static final int MAX_TOKEN_CHARS = 4096;
    private static final String ALG = "HS256";
    private static final String HMAC = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    /** Role names as we grant them: a comma could split one into two where handlers read them joined. */
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    /** A refresh-token family id, as the sid claim carries it: a UUID when we issue it. */
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> HEADER_MEMBERS = Set.of("alg", "typ", "kid");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The private claim holding iat in epoch milliseconds. */
    static final String IAT_MILLIS = "iat_ms";

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** A signed token for this user and these roles; its lifetime is {@link #LIFETIME_SECONDS}. */
    public String issue(String userId, Collection<String> roles) {
        return issue(userId, roles, null);
    }

    /**
     * The same, naming the sign-in (the refresh-token family) it was issued to as {@code sid}, so
     * that a password change can end every sign-in but the caller's own.
     */
    public String issue(String userId, Collection<String> roles, String sessionId) {
        return issue(userId, roles, sessionId, clock.instant());
    }

    /**
     * The same, issued as of {@code at}: a sign-in's tokens carry the instant its session was
     * begun, which came before any reset that could revoke it (and which that reset's mark, to the
     * millisecond, is compared with).
     */
    public String issue(String userId, Collection<String> roles, String sessionId, Instant at) {
        long now = at.getEpochSecond();
        SigningKey key = keys.current();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", ALG);
        header.put("typ", "JWT");
        header.put("kid", key.kid());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("aud", audience);
        payload.put("sub", userId);
        payload.put("roles", List.copyOf(roles));
        payload.put("iat", now);
        // iat to the millisecond: a reset refuses tokens issued before it in its own second too.
        payload.put(IAT_MILLIS, at.toEpochMilli());
        payload.put("nbf", now);
        payload.put("exp", now + LIFETIME_SECONDS);
        // Random, except while a SnapStart primer issues one: nothing unique may be made before the snapshot.
        payload.put("jti", SnapStart.randomUuid());
        if (sessionId != null) {
            payload.put("sid", sessionId);
        }
        String signingInput = encode(JsonWriter.write(header)) + "." + encode(JsonWriter.write(payload));
        return signingInput + "." + ENCODER.encodeToString(sign(key, signingInput));
    }

    /** The claims of a token we issued that is still valid; anything else throws. */
    public Claims verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("absent or oversized");
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0
                || !base64url(token)) {
            throw new InvalidTokenException("not a compact JWS");
        }
        Map<String, Object> header = object(token.substring(0, first));
        if (!HEADER_MEMBERS.containsAll(header.keySet())) {
            throw new InvalidTokenException("unexpected header member");
        }
        if (!ALG.equals(header.get("alg"))) {
            throw new InvalidTokenException("algorithm " + printable(header.get("alg")));
        }
        if (header.containsKey("typ") && !"JWT".equals(header.get("typ"))) {
            throw new InvalidTokenException("type " + printable(header.get("typ")));
        }
        if (!(header.get("kid") instanceof String kid)) {
            throw new InvalidTokenException("no key id");
        }
        SigningKey key = keys.find(kid).orElseThrow(() -> new InvalidTokenException("unknown key id"));
        byte[] signature = decode(token.substring(second + 1));
        if (signature.length != SIGNATURE_BYTES
                || !MessageDigest.isEqual(signature, sign(key, token.substring(0, second)))) {
            throw new InvalidTokenException("bad signature");
        }
        return claims(object(token.substring(first + 1, second)));
    }

    private Claims claims(Map<String, Object> payload) {
        long now = clock.instant().getEpochSecond();
        if (!issuer.equals(payload.get("iss"))) {
            throw new InvalidTokenException("issuer");
        }
        Object aud = payload.get("aud");
        if (!(audience.equals(aud) || aud instanceof List<?> list && list.contains(audience))) {
            throw new InvalidTokenException("audience");
        }
        if (!(payload.get("sub") instanceof String subject) || subject.isBlank() || subject.length() > 64) {
            throw new InvalidTokenException("subject");
        }
        if (!(payload.get("exp") instanceof Long exp) || now >= exp + CLOCK_SKEW_SECONDS) {
            throw new InvalidTokenException("expired");
        }
        if (!(payload.get("iat") instanceof Long iat) || iat > now + CLOCK_SKEW_SECONDS) {
            throw new InvalidTokenException("issued in the future");
        }
        // A token living longer than we issue them was not minted by issue(): a leaked key's forgery
        // or a bug; either way its age cannot be trusted. iat is checked before the subtraction so
        // that a far-past iat cannot overflow exp - iat into a small number.
        if (iat < 0 || exp < iat || exp - iat > LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
            throw new InvalidTokenException("lifetime");
        }
        Object nbf = payload.get("nbf");
        if (nbf != null && (!(nbf instanceof Long notBefore) || notBefore > now + CLOCK_SKEW_SECONDS)) {
            throw new InvalidTokenException("not yet valid");
        }
        if (!(payload.get("jti") instanceof String id) || id.isBlank()) {
            throw new InvalidTokenException("no token id");
        }
        Object roles = payload.getOrDefault("roles", List.of());
        if (!(roles instanceof List<?> list)) {
            throw new InvalidTokenException("roles");
        }
        List<String> names = new ArrayList<>(list.size());
        for (Object role : list) {
            if (!(role instanceof String name) || !ROLE.matcher(name).matches()) {
                throw new InvalidTokenException("role name");
            }
            names.add(name);
        }
        Object sid = payload.get("sid");
        if (sid != null && !(sid instanceof String session && SESSION.matcher(session).matches())) {
            throw new InvalidTokenException("session id");
        }
        Object millis = payload.get(IAT_MILLIS);
        if (millis != null && !(millis instanceof Long ms && Math.floorDiv(ms, 1000L) == iat)) {
            throw new InvalidTokenException("iat in milliseconds");
        }
        return new Claims(subject, names, iat, millis == null ? iat * 1000 : (Long) millis, exp, id, (String) sid);
    }

    private static byte[] sign(SigningKey key, String signingInput) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key.secret(), HMAC));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Unpadded base64url segments separated by dots, and nothing else. */
    private static boolean base64url(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A flat JSON object of strings, integers and arrays of strings: every member a token of ours
     * has. Nested objects, floats, booleans, nulls and duplicate names are refused.
     */
    private static Map<String, Object> object(String segment) {
        byte[] json = decode(segment);
        Map<String, Object> out = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidTokenException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    out.put(name, parser.getText());
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    out.put(name, parser.getLongValue());
                } else if (value == JsonToken.START_ARRAY) {
                    List<String> items = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        items.add(parser.getText());
                    }
                    if (parser.currentToken() != JsonToken.END_ARRAY) {
                        throw new InvalidTokenException("array member " + name);
                    }
                    out.put(name, items);
                } else {
                    throw new InvalidTokenException("member " + name);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new InvalidTokenException("trailing content");
            }
        } catch (IOException e) {
            throw new InvalidTokenException("malformed JSON");
        }
        return out;
    }

    /**
     * Canonical base64url only: the JDK's decoder ignores the unused low bits of the last
     * character, so without the round trip one token would have several spellings, each its own
     * authorizer cache entry and each missed by a list of refused tokens.
     */
    private static byte[] decode(String segment) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(segment);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("not base64url");
        }
        if (!ENCODER.encodeToString(bytes).equals(segment)) {
            throw new InvalidTokenException("not canonical base64url");
        }
        return bytes;
    }

    /** For log lines: a short, safe rendering of an attacker-chosen header value. */
    private static String printable(Object value) {
        String text = String.valueOf(value);
        return text.substring(0, Math.min(20, text.length())).replaceAll("[^A-Za-z0-9_-]", "?");
    }
}
