package io.throughline.privacy.internal.preferences;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of preference-centre links: the profile, what the link is for and until when it works, signed with
 * HMAC-SHA256. A token cannot be altered or stretched past its expiry, and it holds no name or address.
 */
final class LinkTokens {

    /** What a link opens. */
    enum Purpose {
        PREFERENCES, CONFIRM_EMAIL
    }

    record Token(UUID profileId, Purpose purpose, Instant expiresAt) {}

    private static final int PAYLOAD = 16 + 1 + 8;
    private static final int SIGNATURE = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    LinkTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    String sign(Token token) {
        ByteBuffer bytes = ByteBuffer.allocate(PAYLOAD + SIGNATURE);
        bytes.putLong(token.profileId().getMostSignificantBits()).putLong(token.profileId().getLeastSignificantBits())
                .put((byte) token.purpose().ordinal()).putLong(token.expiresAt().getEpochSecond());
        bytes.put(mac(Arrays.copyOf(bytes.array(), PAYLOAD)));
        return ENCODER.encodeToString(bytes.array());
    }

    /** The token's content if it is ours, for this purpose, and not expired at {@code now}. */
    Optional<Token> verify(String token, Purpose expected, Instant now) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD + SIGNATURE
                || !MessageDigest.isEqual(mac(Arrays.copyOf(bytes, PAYLOAD)), Arrays.copyOfRange(bytes, PAYLOAD,
                bytes.length))) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(bytes);
        UUID profile = new UUID(read.getLong(), read.getLong());
        int purpose = read.get();
        Instant expires = Instant.ofEpochSecond(read.getLong());
        if (purpose != expected.ordinal() || !now.isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new Token(profile, expected, expires));
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
