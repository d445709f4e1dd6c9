package io.throughline.recommendations;

import java.util.Locale;
import java.util.Optional;

/** Where a list is shown, which decides what it is made of. */
public enum Placement {
    /** Bought and viewed together with the product shown. */
    PRODUCT_PAGE,
    /** Bought together with what is in the cart. */
    CART,
    /** "For you", for a message's template. */
    EMAIL,
    SMS,
    /** The next best offer at the counter. */
    TILL,
    /** The next best offer on the contact centre's screen. */
    AGENT,
    /** "For you" on a home page or app screen. */
    HOME,
    /** The channel's (and region's) best sellers. */
    POPULAR,
    /** What sells more now than before, in the channel. */
    TRENDING;

    public boolean personal() {
        return this == EMAIL || this == SMS || this == TILL || this == AGENT || this == HOME;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Placement> of(String key) {
        String wanted = key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Placement placement : values()) {
            if (placement.name().equals(wanted)) {
                return Optional.of(placement);
            }
        }
        return Optional.empty();
    }
}
