package io.throughline.carts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How the shopper wants the goods: home delivery, or pickup at a shop (click &amp; collect). */
public record Fulfilment(Kind kind, @Nullable UUID locationId, @Nullable String locationCode) {

    public enum Kind { DELIVERY, PICKUP }
}
