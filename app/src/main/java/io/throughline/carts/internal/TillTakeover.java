package io.throughline.carts.internal;

import io.throughline.carts.AtTill;
import io.throughline.carts.Cart;
import io.throughline.carts.Fulfilment;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.carts.internal.JdbcCarts.StoredCart;
import io.throughline.inventory.StockLocation;
import io.throughline.platform.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A locked open cart made a shop's: collected at the shop, every line whose quantity the shop can cover held
 * there (its hold elsewhere given back), and the rest reported with what the shop has. Then priced for the shop's
 * channel, which is what the till charges. A line the shop cannot cover keeps its hold where it is, so that
 * nothing the shopper had is lost while the associate settles it with her.
 */
@Component
class TillTakeover {

    private final JdbcCarts store;
    private final CartHolds holds;
    private final CartActivity activity;

    TillTakeover(JdbcCarts store, CartHolds holds, CartActivity activity) {
        this.store = store;
        this.holds = holds;
        this.activity = activity;
    }

    AtTill bringTo(StoredCart stored, StockLocation shop, Channel channel, Instant now, boolean viewed) {
        CartRow cart = stored.cart();
        if (cart.fulfilment() != Fulfilment.Kind.PICKUP || !shop.id().equals(cart.pickupLocationId())) {
            store.fulfilment(cart.id(), Fulfilment.Kind.PICKUP, shop.id(), now);
            cart = cart.withFulfilment(Fulfilment.Kind.PICKUP, shop.id(), now);
        }
        List<LineRow> lines = new ArrayList<>(stored.lines().size());
        List<LineRow> lacking = new ArrayList<>();
        for (LineRow line : stored.lines()) {
            Optional<LineRow> moved = holds.moveTo(cart, line, shop.id(), channel.key(), now);
            if (moved.isPresent()) {
                if (moved.get() != line) {
                    store.saveLine(cart.id(), moved.get());
                }
                lines.add(moved.get());
            } else {
                lines.add(line);
                lacking.add(line);
            }
        }
        Cart priced = activity.respond(cart, lines, stored.coupons(), channel, now, viewed);
        List<AtTill.Shortfall> shortfalls = new ArrayList<>(lacking.size());
        for (LineRow line : lacking) {
            Cart.Line shown = priced.lines().stream().filter(view -> view.sku().equals(line.sku())).findFirst()
                    .orElseThrow();
            shortfalls.add(new AtTill.Shortfall(line.sku(), shown.name(), shown.quantity(),
                    holds.holdableAt(cart, line, shop.id(), channel.key(), now),
                    shown.hold() == null || !shown.hold().active() ? null : shown.hold().locationId()));
        }
        return new AtTill(priced, shop.id(), shortfalls);
    }
}
