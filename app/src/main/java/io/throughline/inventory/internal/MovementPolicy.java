package io.throughline.inventory.internal;

import io.throughline.inventory.MovementKind;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;

/** How a movement's quantity changes on-hand, and that on-hand never goes below zero. */
final class MovementPolicy {

    static final int MAX_QUANTITY = 1_000_000;

    private MovementPolicy() {}

    /** The signed change of on-hand for a movement of the kind, as a caller states it. */
    static int delta(MovementKind kind, int quantity) {
        return switch (kind) {
            case RECEIPT, RETURN, TRANSFER_IN -> positive(quantity);
            case SALE, TRANSFER_OUT -> -positive(quantity);
            case ADJUSTMENT -> {
                if (quantity == 0 || Math.abs((long) quantity) > MAX_QUANTITY) {
                    throw new InvalidRequestException("quantity",
                            "must be a non-zero number of units between -" + MAX_QUANTITY + " and " + MAX_QUANTITY);
                }
                yield quantity;
            }
            case COUNT -> throw new InvalidRequestException("kind", "a count is recorded through the counts endpoint");
        };
    }

    /** A quantity of units that a reservation or a directed movement can take. */
    static int positive(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidRequestException("quantity", "must be between 1 and " + MAX_QUANTITY);
        }
        return quantity;
    }

    static int counted(int counted) {
        if (counted < 0 || counted > MAX_QUANTITY) {
            throw new InvalidRequestException("counted", "must be between 0 and " + MAX_QUANTITY);
        }
        return counted;
    }

    static int onHandAfter(int onHand, int delta) {
        long after = (long) onHand + delta;
        if (after < 0) {
            throw new ConflictException("quantity", "Only " + onHand + " on hand; cannot take " + -delta);
        }
        if (after > Integer.MAX_VALUE) {
            throw new InvalidRequestException("quantity", "would take on-hand beyond what can be stored");
        }
        return (int) after;
    }
}
