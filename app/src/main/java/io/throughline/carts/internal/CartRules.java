package io.throughline.carts.internal;

import io.throughline.carts.CartState;
import io.throughline.platform.ConflictException;
import io.throughline.platform.NotFoundException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who may change a cart, and when. */
final class CartRules {

    private CartRules() {}

    /** Only an open cart changes; a merged one points the caller to the cart that lives on. */
    static void checkOpen(UUID cartId, CartState state, @Nullable UUID mergedInto) {
        switch (state) {
            case OPEN -> { }
            case MERGED -> throw new ConflictException("state",
                    "Cart " + cartId + " was merged into cart " + mergedInto + "; use that cart");
            case CHECKED_OUT -> throw new ConflictException("state", "Cart " + cartId + " is checked out");
            case CLOSED -> throw new ConflictException("state", "Cart " + cartId + " is closed");
        }
    }

    /**
     * A channel that names the shopper must name the cart's customer. An anonymous cart may be used by a
     * signed-in shopper (she is about to merge it).
     */
    static void checkCustomer(UUID cartId, @Nullable UUID cartProfile, @Nullable UUID requested) {
        if (requested != null && cartProfile != null && !cartProfile.equals(requested)) {
            throw new ConflictException("profileId", "Cart " + cartId + " belongs to another customer");
        }
    }

    /**
     * The shopper a request names must own the cart: her profile's cart or an anonymous cart (a signed-in shopper
     * is about to merge it), or, named by anonymous id, the anonymous cart of that id and no customer's cart.
     * Another shopper's cart is answered as not found, so a guessed id tells nothing.
     */
    static void checkOwner(UUID cartId, @Nullable UUID cartProfile, @Nullable String cartAnonymous,
            @Nullable UUID profile, @Nullable String anonymous) {
        if (profile != null && cartProfile != null && !cartProfile.equals(profile)) {
            throw new NotFoundException("Cart", cartId);
        }
        if (profile == null && anonymous != null && (cartProfile != null || !anonymous.equals(cartAnonymous))) {
            throw new NotFoundException("Cart", cartId);
        }
    }
}
