package kiosk.accounts.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What an attacker can do: assemble a compact JWS from any header and payload, signed any way. */
final class Forge {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Forge() {
    }

    static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String hmac(String algorithm, byte[] key, String header, String payload) throws Exception {
        return sign(algorithm, key, b64(header) + "." + b64(payload));
    }

    /** The input as it stands, segments and all, with a signature appended. */
    static String sign(String algorithm, byte[] key, String input) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String payloadOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
