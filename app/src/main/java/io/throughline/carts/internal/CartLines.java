package io.throughline.carts.internal;

import io.throughline.carts.Cart;
import io.throughline.carts.internal.CartActivity.Renewed;
import io.throughline.carts.internal.CartPricing.Priced;
import io.throughline.carts.internal.HoldPolicy.Candidate;
import io.throughline.carts.internal.JdbcCarts.CartRow;
import io.throughline.carts.internal.JdbcCarts.LineRow;
import io.throughline.carts.internal.JdbcCarts.StoredCart;
import io.throughline.catalog.Sku;
import io.throughline.platform.Channel;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The lines of a locked open cart changed: units added, a quantity set, a line removed, each with its stock
 * held or given back and its "Product Added" or "Product Removed" noted.
 */
@Component
class CartLines {

    private final JdbcCarts store;
    private final CatalogueLookups catalogue;
    private final CartHolds holds;
    private final CartPricing pricing;
    private final CartActivity activity;
    private final CartViews views;
    private final CartEvents events;

    CartLines(JdbcCarts store, CatalogueLookups catalogue, CartHolds holds, CartPricing pricing,
            CartActivity activity, CartViews views, CartEvents events) {
        this.store = store;
        this.catalogue = catalogue;
        this.holds = holds;
        this.pricing = pricing;
        this.activity = activity;
        this.views = views;
        this.events = events;
    }

    Cart add(StoredCart stored, Sku sku, int quantity, Channel channel, Instant now) {
        CartRow cart = stored.cart();
        catalogue.sellable(sku, channel.key(), now);
        LineRow existing = stored.line(sku.value());
        int total = Math.addExact(existing == null ? 0 : existing.quantity(), quantity);
        Candidate at = holds.place(cart, sku, total, existing, channel.key(), now);
        // Priced before the stock is held: the hold locks the SKU's balance row, which every other cart adding
        // the SKU waits for, until the commit; the quote needs only the SKUs and quantities.
        LineRow unheld = existing == null ? new LineRow(sku.value(), total, null, null, null, now)
                : existing.withHold(total, existing.locationId(), existing.reservationId(), existing.holdExpiresAt());
        Priced priced = pricing.priceToSell(cart, stored.linesWith(unheld), stored.coupons(), channel);
        LineRow held = holds.holdAt(cart, sku, total, existing, at, now);
        Renewed renewed = activity.renew(cart, stored.linesWith(held), channel, now);
        store.saveLineAndTouch(cart.id(), held, channel.key(), renewed.expiresAt(), now);
        Cart result = views.render(cart, renewed.lines(), stored.coupons(), priced, channel.key(), now,
                renewed.expiresAt(), now);
        events.productAdded(cart, channel, views.product(result, sku, quantity));
        return result;
    }

    Cart change(StoredCart stored, Sku sku, int quantity, Channel channel, Instant now) {
        CartRow cart = stored.cart();
        LineRow existing = existing(stored, sku);
        if (quantity == existing.quantity()) {
            return activity.respond(stored, channel, now, false);
        }
        boolean more = quantity > existing.quantity();
        if (more) {
            catalogue.sellable(sku, channel.key(), now);
        }
        LineRow held = holds.hold(cart, sku, quantity, existing, channel.key(), now);
        store.saveLine(cart.id(), held);
        Cart result = activity.respond(cart, stored.linesWith(held), stored.coupons(), channel, now, false);
        if (more && result.pricingProblem() != null) {
            // A SKU with no price on the channel cannot be sold more of; the refusal rolls the hold back.
            throw new InvalidRequestException("sku", result.pricingProblem());
        }
        int delta = quantity - existing.quantity();
        if (more) {
            events.productAdded(cart, channel, views.product(result, sku, delta));
        } else {
            events.productRemoved(cart, channel, views.product(result, sku, -delta));
        }
        return result;
    }

    Cart remove(StoredCart stored, Sku sku, Channel channel, Instant now) {
        LineRow existing = existing(stored, sku);
        // Priced before it goes, so that the event says what the shopper took out at what price.
        Cart before = activity.look(stored, channel.key(), now);
        holds.release(existing);
        store.deleteLine(stored.id(), sku.value());
        Cart result = activity.respond(stored.cart(), stored.linesWithout(sku.value()), stored.coupons(), channel,
                now, false);
        events.productRemoved(stored.cart(), channel, views.product(before, sku, existing.quantity()));
        return result;
    }

    private static LineRow existing(StoredCart stored, Sku sku) {
        LineRow existing = stored.line(sku.value());
        if (existing == null) {
            throw new NotFoundException("Line", sku + " in cart " + stored.id());
        }
        return existing;
    }
}
