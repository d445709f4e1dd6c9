package io.throughline.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered, opaque ids (UUID version 7, RFC 9562): they sort by creation time, so new rows land at
 * the end of B-tree indexes, and they reveal nothing a client could guess.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {}

    public static UUID newId() {
        return newId(Clock.systemUTC());
    }

    public static UUID newId(Clock clock) {
        long millis = clock.millis();
        // A new millisecond starts its count at random in the lower half, leaving room for 2,048 more ids in it.
        long candidate = (millis << 16) | (0x7L << 12) | RANDOM.nextInt(1 << 11);
        long mostSignificant = LAST.accumulateAndGet(candidate, Ids::later);
        long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    // Within one millisecond the 12 bits after the time count up from the last id (RFC 9562, 6.2 method 3), so
    // rows written together, such as an order's tenders, read back in the order they were written. An id for
    // another millisecond, earlier ones included (history written at the time it happened), keeps its own time.
    private static long later(long last, long candidate) {
        if (candidate >>> 16 != last >>> 16) {
            return candidate;
        }
        return (last & 0xFFF) < 0xFFF ? last + 1 : candidate;
    }
}
