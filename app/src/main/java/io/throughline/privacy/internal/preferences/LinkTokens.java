package io.throughline.privacy.internal.preferences;

import io.throughline.platform.SealedTokens;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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

    private final SealedTokens sealed;

    LinkTokens(byte[] secret) {
        this.sealed = new SealedTokens(secret);
    }

    String sign(Token token) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
        payload.putLong(token.profileId().getMostSignificantBits()).putLong(token.profileId().getLeastSignificantBits())
                .put((byte) token.purpose().ordinal()).putLong(token.expiresAt().getEpochSecond());
        return sealed.seal(payload.array());
    }

    /** The token's content if it is ours, for this purpose, and not expired at {@code now}. */
    Optional<Token> verify(String token, Purpose expected, Instant now) {
        return sealed.open(token, PAYLOAD).flatMap(payload -> {
            ByteBuffer read = ByteBuffer.wrap(payload);
            UUID profile = new UUID(read.getLong(), read.getLong());
            int purpose = read.get();
            Instant expires = Instant.ofEpochSecond(read.getLong());
            if (purpose != expected.ordinal() || !now.isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Token(profile, expected, expires));
        });
    }
}
