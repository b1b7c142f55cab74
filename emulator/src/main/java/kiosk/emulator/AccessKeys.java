package kiosk.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The credentials one start of the local services accepts. Both halves are random per start and
 * reach clients only through owner-only files and this process's own configuration; a request
 * whose SigV4 credential does not name this start's access key id is refused. The signature
 * itself is not recomputed: the id is as secret here as the key, since both travel together.
 */
public record AccessKeys(String accessKeyId, String secretAccessKey) {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** DynamoDB Local refuses access key ids that are not purely alphanumeric. */
    public static AccessKeys generate() {
        return new AccessKeys("KIOSK" + random(20), random(40));
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    /**
     * Whether a request carries this start's access key id: in the Authorization header's
     * {@code Credential=<id>/...} or, for a presigned URL, in {@code X-Amz-Credential}.
     */
    public boolean carriedBy(String authorization, String rawQuery) {
        String credential = null;
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                credential = authorization.substring(at + "Credential=".length());
            }
        }
        if (credential == null && rawQuery != null) {
            for (String parameter : rawQuery.split("&")) {
                if (parameter.startsWith("X-Amz-Credential=")) {
                    credential = URLDecoder.decode(parameter.substring("X-Amz-Credential=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        if (credential == null) {
            return false;
        }
        int slash = credential.indexOf('/');
        String id = slash < 0 ? credential : credential.substring(0, slash);
        return MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8), accessKeyId.getBytes(StandardCharsets.UTF_8));
    }

    /** The error AWS services answer an unknown key with. */
    static final String REFUSAL_TYPE = "UnrecognizedClientException";
    static final String REFUSAL_MESSAGE = "The security token included in the request is invalid.";

    /** That error as a body of the JSON protocols. */
    static String refusal() {
        return "{\"__type\":\"" + REFUSAL_TYPE + "\",\"message\":\"" + REFUSAL_MESSAGE + "\"}";
    }

    @Override
    public String toString() {
        return "AccessKeys[" + accessKeyId + ", ...]";
    }
}
