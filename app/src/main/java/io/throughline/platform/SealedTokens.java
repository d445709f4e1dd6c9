package io.throughline.platform;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short URL-safe tokens that carry a few bytes and a signature over them (HMAC-SHA256, cut to 16 bytes), for
 * links the platform hands out and reads back through public endpoints: tracked links, unsubscribe and
 * preference-centre links. Whoever holds a token can read its bytes but cannot alter them or make another.
 */
public final class SealedTokens {

    private static final int SIGNATURE = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public SealedTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The payload and its signature, base64url without padding. */
    public String seal(byte[] payload) {
        byte[] token = Arrays.copyOf(payload, payload.length + SIGNATURE);
        System.arraycopy(mac(payload), 0, token, payload.length, SIGNATURE);
        return ENCODER.encodeToString(token);
    }

    /** The payload, when the token is ours and carries exactly {@code payloadLength} bytes. */
    public Optional<byte[]> open(String token, int payloadLength) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != payloadLength + SIGNATURE) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, payloadLength);
        boolean signed = MessageDigest.isEqual(mac(payload), Arrays.copyOfRange(bytes, payloadLength, bytes.length));
        return signed ? Optional.of(payload) : Optional.empty();
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
