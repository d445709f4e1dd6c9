package io.throughline.messaging.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens in open-pixel, tracked-link and unsubscribe URLs: the delivery id, what the link does and which
 * link it is, signed with HMAC-SHA256. They name no customer and cannot be guessed or altered, so the public
 * endpoints that read them can trust what they say.
 */
final class TrackingTokens {

    /** What a token's URL does. */
    enum Kind {
        OPEN, CLICK, UNSUBSCRIBE
    }

    record Token(UUID deliveryId, Kind kind, int link) {}

    private static final int PAYLOAD = 16 + 1 + 2;
    private static final int SIGNATURE = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    TrackingTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    String sign(UUID deliveryId, Kind kind, int link) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + SIGNATURE);
        payload.putLong(deliveryId.getMostSignificantBits()).putLong(deliveryId.getLeastSignificantBits())
                .put((byte) kind.ordinal()).putShort((short) link);
        payload.put(mac(Arrays.copyOf(payload.array(), PAYLOAD)));
        return ENCODER.encodeToString(payload.array());
    }

    Optional<Token> verify(String token) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD + SIGNATURE) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD);
        byte[] signature = Arrays.copyOfRange(bytes, PAYLOAD, bytes.length);
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(payload);
        UUID delivery = new UUID(read.getLong(), read.getLong());
        int kind = read.get();
        if (kind < 0 || kind >= Kind.values().length) {
            return Optional.empty();
        }
        return Optional.of(new Token(delivery, Kind.values()[kind], Short.toUnsignedInt(read.getShort())));
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
