package io.throughline.messaging.internal;

import io.throughline.platform.SealedTokens;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

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

    private final SealedTokens sealed;

    TrackingTokens(byte[] secret) {
        this.sealed = new SealedTokens(secret);
    }

    String sign(UUID deliveryId, Kind kind, int link) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
        payload.putLong(deliveryId.getMostSignificantBits()).putLong(deliveryId.getLeastSignificantBits())
                .put((byte) kind.ordinal()).putShort((short) link);
        return sealed.seal(payload.array());
    }

    Optional<Token> verify(String token) {
        return sealed.open(token, PAYLOAD).flatMap(payload -> {
            ByteBuffer read = ByteBuffer.wrap(payload);
            UUID delivery = new UUID(read.getLong(), read.getLong());
            int kind = read.get();
            if (kind < 0 || kind >= Kind.values().length) {
                return Optional.empty();
            }
            return Optional.of(new Token(delivery, Kind.values()[kind], Short.toUnsignedInt(read.getShort())));
        });
    }
}
