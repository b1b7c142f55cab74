package kiosk.catalog.product;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kiosk.shared.error.BadRequestException;

/**
 * Opaque page cursors: the position in the listing index and the listing it belongs to, signed
 * with HMAC-SHA256. A client can neither forge a position nor carry a cursor from one listing to
 * another (say, from category 'toys' to 'books'); either is a 400.
 */
public final class Cursors {

    private static final byte FORMAT = 1;
    private static final int MAC_BYTES = 16;
    private static final int MAX_LENGTH = 2048;

    private final SecretKeySpec key;

    public Cursors(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a cursor key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public static Cursors fromSecret(String secret) {
        return new Cursors(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String encode(String scope, ProductStore.Position position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(scope);
            out.writeUTF(position.sortKey());
            out.writeUTF(position.id());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a cursor", e);
        }
        byte[] payload = bytes.toByteArray();
        byte[] signed = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, signed, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    public ProductStore.Position decode(String cursor, String expectedScope) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (signed.length <= MAC_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(signed, signed.length - MAC_BYTES);
        byte[] tag = Arrays.copyOfRange(signed, payload.length, signed.length);
        if (!MessageDigest.isEqual(tag, mac(payload))) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != FORMAT || !in.readUTF().equals(expectedScope)) {
                throw invalid();
            }
            ProductStore.Position position = new ProductStore.Position(in.readUTF(), in.readUTF());
            if (in.available() != 0) {
                throw invalid();
            }
            return position;
        } catch (IOException e) {
            throw invalid();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static BadRequestException invalid() {
        return new BadRequestException("The cursor is not one this listing issued: start again without it.");
    }
}
