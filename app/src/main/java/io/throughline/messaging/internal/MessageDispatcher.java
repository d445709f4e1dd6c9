package io.throughline.messaging.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.messaging.Deliveries;
import io.throughline.messaging.Delivery;
import io.throughline.messaging.DeliveryStatus;
import io.throughline.messaging.Message;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessagePurpose;
import io.throughline.messaging.Variant;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Keyset;
import io.throughline.privacy.Consents;
import io.throughline.privacy.PreferenceLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a message: consent and address first, then the customer's A/B variant rendered, links tracked, the
 * channel's adapter, the delivery recorded and its events logged. Nothing here holds a database transaction
 * open while an SMTP server or a provider answers.
 */
@Service
class MessageDispatcher implements Deliveries {

    private final JdbcMessages messages;
    private final CustomerProfiles profiles;
    private final Consents consents;
    private final Map<MessageChannel, ChannelAdapter> adapters = new EnumMap<>(MessageChannel.class);
    private final ChannelSettings settings;
    private final SigningKey signingKey;
    private final DeliveryLog log;
    private final MessagingEvents events;
    private final PreferenceLinks preferenceLinks;
    private final RecommendedProducts recommended;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MessageDispatcher(JdbcMessages messages, CustomerProfiles profiles, Consents consents,
            List<ChannelAdapter> adapters, ChannelSettings settings, SigningKey signingKey, DeliveryLog log,
            MessagingEvents events, PreferenceLinks preferenceLinks, RecommendedProducts recommended,
            TransactionTemplate transactions, Clock clock) {
        this.messages = messages;
        this.profiles = profiles;
        this.consents = consents;
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
        this.settings = settings;
        this.signingKey = signingKey;
        this.log = log;
        this.events = events;
        this.preferenceLinks = preferenceLinks;
        this.recommended = recommended;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Sends the message unless a rule forbids it: a marketing message needs the customer's marketing consent
     * on the channel, and the channel needs an address (email, phone) or a location (task). Answers the delivery,
     * {@link DeliveryStatus#REFUSED} with the reason when it was not sent.
     */
    Delivery send(SendRequest request) {
        return send(request, facts(request.messageId(), profiles.get(request.profileId())), null);
    }

    /** Reads what a send of the message to the customer is decided and made on. */
    SendFacts facts(UUID messageId, CustomerProfile profile) {
        Message message = messages.get(messageId);
        return new SendFacts(message, profile, SendFacts.needsConsents(message) ? consents.of(profile.id())
                : List.of(), settings.current());
    }

    /**
     * Sends on facts read moments ago: by the channel choice under its lock, just before this; the hard rules
     * are weighed again on them, as a direct send weighs them. {@code alongside}, when given, is written in the
     * transaction that records the delivery (the channel choice notes on its decision what the send became), so
     * the two cost one commit.
     */
    Delivery send(SendRequest request, SendFacts facts, @Nullable Consumer<Delivery> alongside) {
        Message message = facts.message();
        MessageChannel channel = request.channel();
        List<Variant> variants = message.variantsFor(channel);
        if (variants.isEmpty()) {
            throw new InvalidRequestException("channel", "the message has no " + channel.key() + " variant");
        }
        if (channel == MessageChannel.TASK && request.location() == null) {
            throw new InvalidRequestException("location", "must name the shop whose associates get the task");
        }
        CustomerProfile profile = facts.profile();
        Variant variant = VariantChoice.choose(variants, profile.id(), message.id());
        UUID deliveryId = Ids.newId(clock);
        Instant now = clock.instant();

        Optional<String> refusal = SendRules.refusal(message.purpose(), channel, profile, facts.consents());
        if (refusal.isPresent()) {
            Delivery refused = delivery(deliveryId, message, variant, profile, DeliveryStatus.REFUSED,
                    refusal.get(), now);
            record(refused, List.of(), alongside);
            return refused;
        }

        Map<String, Object> data = new HashMap<>(recommended.valuesFor(variant, profile.id()));
        data.putAll(request.data());
        String base = facts.settings().baseUrl();
        TrackingTokens tokens = signingKey.tokens();
        String unsubscribeUrl = base + "/m/u/" + tokens.sign(deliveryId, TrackingTokens.Kind.UNSUBSCRIBE, 0);
        boolean marketingEmail = channel == MessageChannel.EMAIL && message.purpose() == MessagePurpose.MARKETING;
        if (marketingEmail) {
            data.put("unsubscribeUrl", unsubscribeUrl);
        }
        // Any message may offer the customer her preference centre; marketing email always does, in its footer.
        String preferencesUrl = base + preferenceLinks.preferencesPath(profile.id());
        data.put("preferencesUrl", preferencesUrl);
        Variant rendered = TemplateRenderer.render(variant,
                TemplateRenderer.context(message.fallbacks(), messages.customerValues(profile), data));

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> links = List.of();
        if (rendered instanceof Variant.Email email) {
            LinkTracking.Tracked tracked = LinkTracking.track(email.html(),
                    position -> base + "/m/c/" + tokens.sign(deliveryId, TrackingTokens.Kind.CLICK, position),
                    base + "/m/o/" + tokens.sign(deliveryId, TrackingTokens.Kind.OPEN, 0), base + "/m/u/");
            links = tracked.urls();
            String html = tracked.html();
            String text = email.text();
            if (marketingEmail) {
                // RFC 8058: mail clients show their own unsubscribe button and post to it without a page.
                headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
                headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                html = UnsubscribeFooter.html(html, unsubscribeUrl, preferencesUrl);
                text = UnsubscribeFooter.text(text, unsubscribeUrl, preferencesUrl);
            }
            rendered = new Variant.Email(email.key(), email.subject(), html, text);
        }

        String recipient = switch (channel) {
            case EMAIL -> String.valueOf(profile.email());
            case SMS -> String.valueOf(profile.phone());
            case PUSH, IN_APP, TASK -> profile.id().toString();
        };
        ChannelAdapter.Result result = adapters.get(channel).deliver(new ChannelAdapter.Outgoing(deliveryId,
                profile.id(), rendered, recipient, request.location(), headers, facts.settings()));
        Delivery delivery = switch (result) {
            case ChannelAdapter.Result.Sent sent -> delivery(deliveryId, message, variant, profile,
                    DeliveryStatus.SENT, null, now);
            case ChannelAdapter.Result.Delivered delivered -> delivery(deliveryId, message, variant, profile,
                    DeliveryStatus.DELIVERED, null, now);
            case ChannelAdapter.Result.Failed failed -> delivery(deliveryId, message, variant, profile,
                    DeliveryStatus.FAILED, failed.reason(), now);
        };
        record(delivery, links, alongside);
        switch (delivery.status()) {
            case SENT -> events.append(delivery, message.name(), List.of(MessageEvents.SENT), Map.of());
            case DELIVERED -> events.append(delivery, message.name(),
                    List.of(MessageEvents.SENT, MessageEvents.DELIVERED), Map.of());
            default -> {
                // A failed hand-over never reached the customer: nothing for her timeline.
            }
        }
        return delivery;
    }

    private void record(Delivery delivery, List<String> links, @Nullable Consumer<Delivery> alongside) {
        if (alongside == null) {
            log.insert(delivery, links);
            return;
        }
        transactions.executeWithoutResult(status -> {
            log.insert(delivery, links);
            alongside.accept(delivery);
        });
    }

    private static Delivery delivery(UUID id, Message message, Variant variant, CustomerProfile profile,
            DeliveryStatus status, @Nullable String reason, Instant now) {
        return new Delivery(id, message.id(), variant.key(), profile.id(), variant.channel(), message.purpose(),
                status, reason, now, status == DeliveryStatus.DELIVERED ? now : null, null, null, null, null);
    }

    @Override
    public Delivery get(UUID id) {
        return log.get(id);
    }

    @Override
    public Keyset.Slice<Delivery> forProfile(UUID profileId, Keyset.@Nullable Cursor after, int size) {
        return log.forProfile(profileId, after, size);
    }

    @Override
    public Delivery report(UUID deliveryId, DeliveryStatus status, @Nullable String reason) {
        Delivery delivery = log.get(deliveryId);
        Instant now = clock.instant();
        String messageName = messages.get(delivery.messageId()).name();
        switch (status) {
            case DELIVERED -> {
                if (log.stamp(deliveryId, "delivered_at", now, DeliveryStatus.DELIVERED, null)) {
                    events.append(delivery, messageName, List.of(MessageEvents.DELIVERED), Map.of());
                }
            }
            case BOUNCED -> {
                String why = reason == null || reason.isBlank() ? "bounced" : reason.strip();
                if (log.stamp(deliveryId, "bounced_at", now, DeliveryStatus.BOUNCED, why)) {
                    events.append(delivery, messageName, List.of(MessageEvents.BOUNCED), Map.of("reason", why));
                }
            }
            default -> throw new InvalidRequestException("status", "must be delivered or bounced");
        }
        return log.get(deliveryId);
    }
}
