package io.throughline.carts.internal;

import io.throughline.platform.SealedTokens;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed link of the shopper's handoff page: the cart and until when the link works, nothing else. A link
 * cannot be altered or stretched past the code's expiry, and it names no person, so a forwarded link shows no
 * more than the code it was made for.
 */
@Component
class HandoffLinks {

    private static final int PAYLOAD = 16 + 8;

    private final JdbcClient jdbc;
    private volatile @Nullable SealedTokens tokens;

    HandoffLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page's path for the cart's code, working until the code expires. */
    String page(UUID cartId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD).putLong(cartId.getMostSignificantBits())
                .putLong(cartId.getLeastSignificantBits()).putLong(expiresAt.getEpochSecond());
        return "/m/handoff/" + tokens().seal(payload.array());
    }

    /** The cart of a link that is ours and has not expired at {@code now}. */
    Optional<UUID> cartOf(String token, Instant now) {
        return tokens().open(token, PAYLOAD).flatMap(payload -> {
            ByteBuffer read = ByteBuffer.wrap(payload);
            UUID cart = new UUID(read.getLong(), read.getLong());
            Instant expires = Instant.ofEpochSecond(read.getLong());
            return now.isBefore(expires) ? Optional.of(cart) : Optional.empty();
        });
    }

    private SealedTokens tokens() {
        SealedTokens known = tokens;
        if (known == null) {
            synchronized (this) {
                known = tokens;
                if (known == null) {
                    known = new SealedTokens(secret());
                    tokens = known;
                }
            }
        }
        return known;
    }

    private byte[] secret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.sql("INSERT INTO carts.signing_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
                .param(random).update();
        return jdbc.sql("SELECT secret FROM carts.signing_key WHERE id = 1").query(byte[].class).single();
    }
}
