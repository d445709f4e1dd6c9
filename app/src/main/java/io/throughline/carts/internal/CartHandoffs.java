package io.throughline.carts.internal;

import io.throughline.carts.internal.JdbcCarts.HandoffRow;
import io.throughline.platform.Channel;
import io.throughline.platform.ConflictException;
import io.throughline.platform.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Handoff codes: short codes that move a cart to a till or another device. A code lives for the handoff time
 * to live and can be claimed once; the claim is what hands the cart over.
 */
@Component
@EnableConfigurationProperties(CartsProperties.class)
class CartHandoffs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcCarts store;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Duration ttl;

    CartHandoffs(JdbcCarts store, ApplicationEventPublisher publisher, Clock clock, CartsProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.ttl = properties.handoffTimeToLive();
    }

    Handoff issue(UUID cartId, Channel channel) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 20; attempt++) {
            HandoffRow handoff = new HandoffRow(HandoffCodes.generate(RANDOM), cartId, channel.key(), now.plus(ttl),
                    now, null, null);
            if (store.insertHandoff(handoff)) {
                return new Handoff(handoff.code(), cartId, handoff.expiresAt());
            }
        }
        throw new IllegalStateException("No free handoff code after 20 attempts");
    }

    Handoff live(UUID cartId) {
        store.find(cartId).orElseThrow(() -> new NotFoundException("Cart", cartId));
        HandoffRow handoff = store.liveHandoff(cartId, clock.instant()).orElseThrow(() -> new NotFoundException(
                "Live handoff code of cart", cartId + " (issue one with POST /api/carts/" + cartId + "/handoff)"));
        return new Handoff(handoff.code(), cartId, handoff.expiresAt());
    }

    UUID cartOf(String code) {
        String normalised = HandoffCodes.normalise(code);
        return store.liveHandoffByCode(normalised, clock.instant())
                .orElseThrow(() -> new NotFoundException("Live handoff code", normalised)).cartId();
    }

    /** The code, locked for its claim now; refused when it was used or has expired. */
    HandoffRow claimable(String code, Instant now) {
        String normalised = HandoffCodes.normalise(code);
        HandoffRow handoff = store.lockHandoff(normalised)
                .orElseThrow(() -> new NotFoundException("Handoff code", normalised));
        if (handoff.claimedAt() != null) {
            // Who claimed it, and when, is the shopper's business, not that of whoever holds the code now.
            throw new ConflictException("code", "Handoff code " + normalised
                    + " was already used; ask the shopper for a new one");
        }
        if (!handoff.expiresAt().isAfter(now)) {
            throw new ConflictException("code", "Handoff code " + normalised + " expired at " + handoff.expiresAt()
                    + "; ask the shopper for a new one");
        }
        return handoff;
    }

    /** Records the claim once its cart was found open. */
    void claim(HandoffRow handoff, Channel channel, Instant now) {
        store.claimHandoff(handoff.code(), channel.key(), now);
        publisher.publishEvent(new CartHandedOff(handoff.cartId(), handoff.issuedChannel(), channel.key(), now));
    }
}
