package io.throughline.carts.internal;

import io.throughline.carts.Cart;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cart that survives a sign-in, and what could not be carried over as it was.
 *
 * @param merged false when the customer had no open cart: the anonymous cart simply became hers
 */
public record MergeOutcome(Cart cart, boolean merged, List<Conflict> conflicts) {

    /** Something the merge changed or dropped, for the channel to tell the shopper. */
    public record Conflict(Kind kind, @Nullable String sku, @Nullable String coupon, String detail) {}

    public enum Kind {
        /** The summed quantity was more than can be held; the line was capped. */
        QUANTITY_CAPPED,
        /** The SKU is not sold on the channel any more (or no longer exists); the line was dropped. */
        NOT_SOLD,
        /** None of the SKU can be held now; the line was dropped. */
        OUT_OF_STOCK,
        /** Pricing refuses the coupon for the merged cart; it was dropped. */
        COUPON_DROPPED
    }

    public MergeOutcome {
        conflicts = List.copyOf(conflicts);
    }
}
