package io.throughline.inventory.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import java.time.Duration;

/** What a reservation may ask for: units that nobody else holds, for a bounded time, under a sane reference. */
final class ReservationPolicy {

    static final Duration MIN_TTL = Duration.ofSeconds(1);
    static final Duration MAX_TTL = Duration.ofDays(7);

    private ReservationPolicy() {}

    /** Refuses when the on-hand less what others hold or were allocated cannot cover the quantity. */
    static void checkCovered(int onHand, int reservedByOthers, int quantity) {
        if (quantity > Math.max(0, onHand - reservedByOthers)) {
            throw shortOf(onHand, reservedByOthers, quantity);
        }
    }

    /** The refusal of a quantity the unreserved units do not cover. */
    static ConflictException shortOf(int onHand, int reservedByOthers, int quantity) {
        int unreserved = Math.max(0, onHand - reservedByOthers);
        return new ConflictException("quantity",
                "Only " + unreserved + " unreserved at this location; cannot reserve " + quantity);
    }

    static Duration ttl(Duration ttl) {
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidRequestException("ttlSeconds", "must be between 1 second and 7 days");
        }
        return ttl;
    }

    static String reference(String reference) {
        if (reference.isBlank() || reference.length() > 200 || reference.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("reference", "must be 1 to 200 printable characters");
        }
        return reference;
    }
}
