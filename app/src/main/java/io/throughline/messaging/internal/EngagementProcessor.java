package io.throughline.messaging.internal;

import io.throughline.events.EventNames;
import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.events.ProfileMergeEvent;
import io.throughline.messaging.Delivery;
import io.throughline.platform.Rows;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the log to keep the engagement scores up: "Message Opened", "Message Clicked" and "Message Replied"
 * (from the platform's tracked links, or sent by a channel, e.g. an SMS provider's click or reply webhook, with
 * the {@code deliveryId}) count on the channel of that delivery; an "Order Completed" counts as a purchase on the
 * channel of the customer's latest click in the week before it. Each signal counts once, and the scores move
 * in the transaction that moves this processor's offset, so a batch read twice after a crash counts once. The
 * platform's "Profiles Merged" hands the merged profile's messaging records to the survivor, in order with the
 * signals around it.
 */
@Component
class EngagementProcessor implements EventProcessor {

    private static final Map<String, Double> WEIGHTS = Map.of(MessageEvents.OPENED, Engagement.OPEN,
            MessageEvents.CLICKED, Engagement.CLICK, MessageEvents.REPLIED, Engagement.REPLY);

    private final EngagementScores scores;
    private final MergedProfiles merges;
    private final DeliveryLog deliveries;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    EngagementProcessor(EngagementScores scores, MergedProfiles merges, DeliveryLog deliveries, JdbcClient jdbc,
            JsonMapper json) {
        this.scores = scores;
        this.merges = merges;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return "messaging.engagement";
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.TRACK);
    }

    @Override
    public void process(List<LoggedEvent> events) {
        for (LoggedEvent event : events) {
            String name = event.name();
            if (name == null) {
                continue;
            }
            Double weight = WEIGHTS.get(name);
            if (weight != null) {
                engaged(event, name, weight);
            } else if (EventNames.ORDER_COMPLETED.equals(name)) {
                purchased(event);
            } else {
                ProfileMergeEvent.in(event).ifPresent(change -> {
                    switch (change) {
                        case ProfileMergeEvent.Merged merge -> merges.merge(merge.merged(), merge.survivor());
                        case ProfileMergeEvent.Unmerged unmerge ->
                                merges.unmerge(unmerge.survivor(), unmerge.restored());
                    }
                });
            }
        }
    }

    private void engaged(LoggedEvent event, String name, double weight) {
        Optional<Delivery> delivery = text(properties(event), "deliveryId").flatMap(EngagementProcessor::uuid)
                .flatMap(deliveries::find)
                // A channel may only report on the customer's own deliveries.
                .filter(found -> found.profileId().equals(event.profileId()));
        if (delivery.isEmpty()) {
            return;
        }
        boolean click = MessageEvents.CLICKED.equals(name);
        if (!event.fromPlatform()) {
            // The platform's own links stamp the delivery; a channel's report does it here.
            deliveries.stamp(delivery.get().id(), click ? "clicked_at" : "opened_at", event.occurredAt(), null, null);
        }
        if (firstTime(name + ":" + delivery.get().id(), event)) {
            scores.add(event.profileId(), delivery.get().channel(), weight, event.occurredAt(), click);
        }
    }

    private void purchased(LoggedEvent event) {
        String order = text(properties(event), "orderId").or(() -> text(properties(event), "order_id"))
                .orElse(event.messageId());
        scores.lastClicked(event.profileId(), event.occurredAt()).ifPresent(channel -> {
            if (firstTime("purchase:" + order, event)) {
                scores.add(event.profileId(), channel, Engagement.PURCHASE, event.occurredAt(), false);
            }
        });
    }

    private boolean firstTime(String signal, LoggedEvent event) {
        return jdbc.sql("""
                INSERT INTO messaging.engagement_signal (signal, profile_id, counted_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(signal, event.profileId(), Rows.timestamp(event.occurredAt())).update() == 1;
    }

    private JsonNode properties(LoggedEvent event) {
        return json.readTree(event.payload()).path("properties");
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
