package io.throughline.carts;

import io.throughline.platform.Channel;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Carts as other modules use them: the till and the demo fill carts, checkout holds and closes them, the console
 * looks at them. Each change names the channel it comes from and, when the channel knows who the shopper is, her
 * profile id; a call naming another customer than the cart's is refused. Every call that changes a cart re-quotes
 * it and counts as activity that keeps its holds.
 */
public interface Carts {

    /** Opens a cart, or returns the open cart the customer (or the anonymous id) already has. */
    Opened open(NewCart cart, Channel channel);

    /**
     * The cart priced for the channel key (the channel that last worked on it when null), for staff looking at
     * it: no activity, no holds renewed, no "Cart Viewed". Refused as field {@code channel} for an unknown key.
     */
    Cart peek(UUID cartId, @Nullable String channel);

    /**
     * The customer's open cart (she has at most one), priced for the channel that last worked on it, as staff
     * see it: no activity, no holds renewed.
     */
    Optional<Cart> openCartOf(UUID profileId);

    /** The cart behind a live handoff code, without claiming it. */
    UUID cartOfCode(String code);

    /** Adds units of the SKU (to its line, when there is one) and holds them. */
    Cart add(UUID cartId, String sku, int quantity, Channel channel, @Nullable UUID profileId);

    /** Home delivery, or pickup at a location offering pickup; the holds move to that location. */
    Cart chooseFulfilment(UUID cartId, Fulfilment.Kind kind, @Nullable UUID locationId, Channel channel,
            @Nullable UUID profileId);

    /**
     * Makes sure every line's stock is really held (a hold released or lapsed behind the cart's back is taken
     * again, where the cart would hold it), so that a checkout only asks for payment for stock it has. Refused
     * with a conflict when a line cannot be held.
     */
    Cart holdForCheckout(UUID cartId, Channel channel, @Nullable UUID profileId);

    /**
     * Marks the open cart CHECKED_OUT for the order: from now on its holds belong to the order, which confirms
     * them as allocations. Returns the cart as it was checked out, priced now, with its holds.
     */
    Cart checkOut(UUID cartId, UUID orderId, Channel channel, @Nullable UUID profileId);

    /** Sets the quantity of the SKU's line, holding more or giving back stock. */
    Cart change(UUID cartId, String sku, int quantity, Channel channel, @Nullable UUID profileId);

    /** Takes the SKU's line out of the cart and gives its stock back. */
    Cart remove(UUID cartId, String sku, Channel channel, @Nullable UUID profileId);

    /** Presents a coupon; refused as field {@code code} when pricing does not take it for the cart's lines. */
    Cart applyCoupon(UUID cartId, String code, Channel channel, @Nullable UUID profileId);

    Cart removeCoupon(UUID cartId, String code, Channel channel, @Nullable UUID profileId);

    /**
     * A shop's till claims the cart behind a handoff code (once): the cart becomes the shop's — priced for its
     * channel, collected at the shop, each line's stock held at the shop when the shop has enough — and what the
     * shop lacks is reported per line, not refused, so the associate can settle it with the shopper.
     *
     * @param shopId the stock location of the shop whose till claims it
     */
    AtTill claimAtTill(String code, UUID shopId, Channel channel);

    /**
     * The till's cart at the shop as {@link #claimAtTill} leaves it: tried again after a line was reduced or stock
     * arrived, and after each change at the till so that every line added there is held at the shop.
     */
    AtTill bringToShop(UUID cartId, UUID shopId, Channel channel);

    /**
     * The customer the till found for an anonymous till cart: the cart becomes hers, or, when she has an open cart
     * already, its lines join hers (as on sign-in) and the result is brought to the shop. Returns her cart.
     */
    AtTill attachCustomer(UUID cartId, UUID profileId, UUID shopId, Channel channel);

    /** A cart returned by {@link #open}, and whether it was created by that call. */
    record Opened(Cart cart, boolean created) {}
}
