package io.throughline.messaging.internal;

import io.throughline.messaging.Delivery;
import io.throughline.messaging.Messages;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the public open-pixel, tracked-link and unsubscribe URLs do, once their token is verified. */
@Component
class TrackedLinks {

    private final SigningKey signingKey;
    private final DeliveryLog log;
    private final Messages messages;
    private final Consents consents;
    private final MessagingEvents events;
    private final Clock clock;

    TrackedLinks(SigningKey signingKey, DeliveryLog log, Messages messages, Consents consents, MessagingEvents events,
            Clock clock) {
        this.signingKey = signingKey;
        this.log = log;
        this.messages = messages;
        this.consents = consents;
        this.events = events;
        this.clock = clock;
    }

    /** Notes the first open; later opens (mail clients load images again) add nothing. */
    void opened(String token) {
        delivery(token, TrackingTokens.Kind.OPEN).ifPresent(delivery -> {
            if (log.stamp(delivery.id(), "opened_at", clock.instant(), null, null)) {
                events.append(delivery, messageName(delivery), List.of(MessageEvents.OPENED), Map.of());
            }
        });
    }

    /**
     * The URL the tracked link stood for, after noting the click. Only a URL that was in the message can come
     * out: the token names a position in the delivery's own list, never a URL.
     */
    Optional<String> clicked(String token) {
        Optional<TrackingTokens.Token> verified = signingKey.tokens().verify(token)
                .filter(found -> found.kind() == TrackingTokens.Kind.CLICK);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        Optional<Delivery> delivery = log.find(verified.get().deliveryId());
        Optional<String> url = log.link(verified.get().deliveryId(), verified.get().link());
        if (delivery.isEmpty() || url.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        log.stamp(delivery.get().id(), "clicked_at", now, null, null);
        // A click shows the mail was opened even when its images were blocked.
        if (log.stamp(delivery.get().id(), "opened_at", now, null, null)) {
            events.append(delivery.get(), messageName(delivery.get()), List.of(MessageEvents.OPENED), Map.of());
        }
        events.append(delivery.get(), messageName(delivery.get()), List.of(MessageEvents.CLICKED),
                Map.of("url", url.get()));
        return url;
    }

    /** Whether the token is a valid unsubscribe token, for the confirmation page. */
    boolean canUnsubscribe(String token) {
        return delivery(token, TrackingTokens.Kind.UNSUBSCRIBE).isPresent();
    }

    /**
     * Records the refusal of marketing on the delivery's channel, as the customer's own statement.
     *
     * @return whether the token was valid
     */
    boolean unsubscribe(String token) {
        Optional<Delivery> found = delivery(token, TrackingTokens.Kind.UNSUBSCRIBE);
        if (found.isEmpty()) {
            return false;
        }
        Delivery delivery = found.get();
        Instant now = clock.instant();
        Consent.Channel channel = delivery.channel().consentChannel();
        consents.record(delivery.profileId(),
                new Consent(Consent.Purpose.MARKETING, channel, false, "unsubscribe:" + channel.key(), now));
        if (log.stamp(delivery.id(), "unsubscribed_at", now, null, null)) {
            events.append(delivery, messageName(delivery), List.of(MessageEvents.UNSUBSCRIBED),
                    Map.of("consentChannel", channel.key()));
        }
        return true;
    }

    private Optional<Delivery> delivery(String token, TrackingTokens.Kind kind) {
        return signingKey.tokens().verify(token).filter(found -> found.kind() == kind)
                .flatMap(found -> log.find(found.deliveryId()));
    }

    private String messageName(Delivery delivery) {
        return messages.get(delivery.messageId()).name();
    }
}
