package io.throughline.carts;

import io.throughline.platform.Channel;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Whether a request may touch a cart, decided from the cart's owner and never from what the caller chose to send:
 * naming a shopper reaches only her cart, naming nobody is staff acting by role. Every endpoint that reaches a
 * cart by its id asks this first, the checkout included.
 */
public interface CartAccess {

    /**
     * @throws io.throughline.platform.NotFoundException when there is no such cart or it is not the named
     *         shopper's
     * @throws org.springframework.security.access.AccessDeniedException when nobody is named and the caller's role
     *         may not act for any shopper on this channel
     */
    void check(UUID cartId, Channel channel, Authentication staff, @Nullable UUID profileId,
            @Nullable String anonymousId);
}
