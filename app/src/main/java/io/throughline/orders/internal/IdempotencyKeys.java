package io.throughline.orders.internal;

import io.throughline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** What an idempotency key may be: 8 to 200 visible ASCII characters, e.g. a UUID the channel generated. */
final class IdempotencyKeys {

    private IdempotencyKeys() {}

    static String check(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidRequestException("Idempotency-Key", "header is required: a unique key per checkout, "
                    + "e.g. a UUID, so that a repeated request cannot place a second order");
        }
        if (!key.matches("[\\x21-\\x7E]{8,200}")) {
            throw new InvalidRequestException("Idempotency-Key", "must be 8 to 200 visible ASCII characters");
        }
        return key;
    }
}
