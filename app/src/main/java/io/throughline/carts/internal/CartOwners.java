package io.throughline.carts.internal;

import io.throughline.carts.CartAccess;
import io.throughline.platform.Channel;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.StaffRole;
import io.throughline.tracking.ChannelType;
import io.throughline.tracking.Sources;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whose cart a request may touch, decided from the cart's owner and never from what the caller chose to send.
 * A request that names a shopper (her profile id, or her anonymous id) reaches only that shopper's cart; a
 * customer's cart is never reached by naming her anonymous id or by naming nobody on a shopper's channel.
 * Naming nobody is a member of staff acting by her role: administrators and contact-centre agents serve any
 * customer on any channel; a store associate does so at a shop's till, but on a shopper's own channel (web, app,
 * kiosk, chat) she must name the shopper, because that is the door a shopper's own requests come through.
 */
@Component
class CartOwners implements CartAccess {

    private final JdbcCarts store;
    private final Sources sources;

    CartOwners(JdbcCarts store, Sources sources) {
        this.store = store;
        this.sources = sources;
    }

    @Override
    public void check(UUID cartId, Channel channel, Authentication staff, @Nullable UUID profileId,
            @Nullable String anonymousId) {
        JdbcCarts.CartRow cart = store.find(cartId).orElseThrow(() -> new NotFoundException("Cart", cartId)).cart();
        if (profileId != null || anonymousId != null) {
            CartRules.checkOwner(cartId, cart.profileId(), cart.anonymousId(), profileId, anonymousId);
        } else if (!actsForAnyShopper(staff, channel)) {
            throw new AccessDeniedException("name the shopper (profileId or anonymousId) on channel " + channel);
        }
    }

    private boolean actsForAnyShopper(Authentication staff, Channel channel) {
        if (has(staff, StaffRole.ADMIN) || has(staff, StaffRole.AGENT)) {
            return true;
        }
        return has(staff, StaffRole.STORE_ASSOCIATE) && sources.get(channel.sourceId()).channelType() == ChannelType.STORE;
    }

    private static boolean has(Authentication staff, StaffRole role) {
        return staff.getAuthorities().stream().anyMatch(granted -> role.authority().equals(granted.getAuthority()));
    }
}
