package io.throughline.carts;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cart taken over by a shop's till: priced for the shop's channel, its stock held at the shop wherever the shop
 * has enough, and for every line it has not, what the shop lacks.
 *
 * @param shortfalls lines whose stock stays held elsewhere (or nowhere), in the cart's order; empty when the whole
 *                   cart can be handed over at this counter
 */
public record AtTill(Cart cart, UUID shopId, List<Shortfall> shortfalls) {

    /**
     * A line the shop cannot hand over as it stands.
     *
     * @param availableHere units of the SKU the cart could hold at the shop now
     * @param heldAt        where the line's stock is held instead; null when it is held nowhere
     */
    public record Shortfall(String sku, String name, int quantity, int availableHere, @Nullable UUID heldAt) {}

    public AtTill {
        shortfalls = List.copyOf(shortfalls);
    }
}
