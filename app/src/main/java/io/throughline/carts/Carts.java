package io.throughline.carts;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Carts as every channel uses them. Each call names the channel it comes from (a source's channel key) and,
 * when the channel knows who the shopper is, her profile id; a call naming another customer than the cart's
 * is refused. Every call that returns a cart re-quotes it and counts as activity that keeps its holds.
 */
public interface Carts {

    /** Opens a cart, or returns the open cart the customer (or the anonymous id) already has. */
    Opened open(NewCart cart, String channel);

    /** The cart priced now. */
    Cart view(UUID cartId, String channel, @Nullable UUID profileId);

    /**
     * The cart priced for the channel (the channel that last worked on it when null), for staff looking at it:
     * no activity, no holds renewed, no "Cart Viewed".
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
    Cart add(UUID cartId, String sku, int quantity, String channel, @Nullable UUID profileId);

    /** Sets the line's quantity, holding more or releasing the difference. */
    Cart change(UUID cartId, String sku, int quantity, String channel, @Nullable UUID profileId);

    Cart remove(UUID cartId, String sku, String channel, @Nullable UUID profileId);

    Cart applyCoupon(UUID cartId, String code, String channel, @Nullable UUID profileId);

    Cart removeCoupon(UUID cartId, String code, String channel, @Nullable UUID profileId);

    /** Home delivery, or pickup at a location offering pickup; the holds move to that location. */
    Cart chooseFulfilment(UUID cartId, Fulfilment.Kind kind, @Nullable UUID locationId, String channel,
            @Nullable UUID profileId);

    /** Folds the anonymous cart into the customer's open cart, or makes it hers when she has none. */
    MergeOutcome merge(UUID anonymousCartId, UUID profileId, String channel);

    /** Closes the cart and releases its holds. */
    Cart close(UUID cartId, String channel, @Nullable UUID profileId);

    Handoff issueHandoff(UUID cartId, String channel, @Nullable UUID profileId);

    /** The cart's newest handoff code that can still be claimed. */
    Handoff liveHandoff(UUID cartId);

    /** The cart behind the code, now worked on by the claiming channel; a code can be claimed once. */
    Cart claimHandoff(String code, String channel);

    /**
     * Makes sure every line's stock is really held (a hold released or lapsed behind the cart's back is taken
     * again, where the cart would hold it), so that a checkout only asks for payment for stock it has. Refused
     * with a conflict when a line cannot be held.
     */
    Cart holdForCheckout(UUID cartId, String channel, @Nullable UUID profileId);

    /**
     * Marks the open cart CHECKED_OUT for the order: from now on its holds belong to the order, which confirms
     * them as allocations. Returns the cart as it was checked out, priced now, with its holds.
     */
    Cart checkOut(UUID cartId, UUID orderId, String channel, @Nullable UUID profileId);

    /** A cart returned by {@link #open}, and whether it was created by that call. */
    record Opened(Cart cart, boolean created) {}
}
