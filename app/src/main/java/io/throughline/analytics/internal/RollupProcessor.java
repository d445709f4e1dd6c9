package io.throughline.analytics.internal;

import io.throughline.analytics.BrandCalendar;
import io.throughline.events.EventNames;
import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.events.ProfileMergeEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the analytics rollups as the log grows: a touch per customer, day, channel and event name, and an order
 * fact per "Order Completed". Its writes commit with its offset, so a batch read again after a crash counts once,
 * and a rollup rebuilt after a kill equals one never interrupted. On "Profiles Merged" the absorbed profile's rows
 * move to the survivor, in order with the batch's other events.
 */
@Component
class RollupProcessor implements EventProcessor {

    static final String NAME = "analytics.rollups";

    private static final Map<String, Measure> LOYALTY = Map.of(EventNames.POINTS_EARNED, Measure.POINTS_EARNED,
            EventNames.POINTS_REDEEMED, Measure.POINTS_REDEEMED, EventNames.POINTS_EXPIRED, Measure.POINTS_EXPIRED);
    private static final Set<String> SERVICE = Set.of(EventNames.CONVERSATION_STARTED, EventNames.MESSAGE_SENT,
            EventNames.CONVERSATION_RESOLVED);

    private final RollupWriter writer;
    private final JsonMapper json;
    private final BrandCalendar calendar;

    RollupProcessor(RollupWriter writer, JsonMapper json, BrandCalendar calendar) {
        this.writer = writer;
        this.json = json;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Order amounts are in track payloads and consent statements in identify traits; pages need no payload. */
    @Override
    public Set<EventType> payloadTypes() {
        return EnumSet.of(EventType.TRACK, EventType.IDENTIFY);
    }

    @Override
    public void process(List<LoggedEvent> events) {
        RollupBatch batch = new RollupBatch(calendar.zone());
        for (LoggedEvent event : events) {
            if (event.type() == EventType.TRACK && LOYALTY.containsKey(event.name())) {
                // Expiries and staff's adjustments are the platform's own doing, yet they move her points.
                points(batch, event, LOYALTY.get(event.name()));
            }
            if (event.fromPlatform()) {
                if (ProfileMergeEvent.in(event).orElse(null) instanceof ProfileMergeEvent.Merged merge) {
                    // What the batch gathered before the merge belongs to the profiles as they were then.
                    writer.write(batch);
                    batch = new RollupBatch(calendar.zone());
                    writer.merge(merge.merged(), merge.survivor());
                }
                continue;
            }
            batch.touch(event.profileId(), event.channel(), event.label(), event.occurredAt());
            // Only track calls are sure to have a name: a page or screen may come without one, and the name sets
            // here refuse to be asked about null.
            if (event.type() == EventType.IDENTIFY) {
                consent(batch, event);
            } else if (EventNames.ORDER_COMPLETED.equals(event.name())) {
                OrderFact.from(event, json.readTree(event.payload())).ifPresent(batch::order);
            } else if (event.type() == EventType.TRACK && SERVICE.contains(event.name())) {
                serviceCase(batch, event);
            } else if (EventNames.SATISFACTION_RATED.equals(event.name())) {
                JsonNode score = json.readTree(event.payload()).path("properties").path("score");
                if (score.isNumber() && score.asInt() >= 1 && score.asInt() <= 5) {
                    batch.measure(event.profileId(), Measure.SATISFACTION, score.asInt() >= 4 ? 1 : 0,
                            event.occurredAt());
                }
            } else if (EventNames.ORDER_CANCELLED.equals(event.name())) {
                String order = json.readTree(event.payload()).path("properties").path("order_id").asString("");
                if (!order.isEmpty()) {
                    batch.cancel(order);
                }
            }
        }
        writer.write(batch);
    }

    private void points(RollupBatch batch, LoggedEvent event, Measure measure) {
        JsonNode properties = json.readTree(event.payload()).path("properties");
        JsonNode points = properties.path("points");
        if (!points.isNumber()) {
            return;
        }
        batch.measure(event.profileId(), measure, points.asLong(), event.occurredAt());
        JsonNode balance = properties.path("balance");
        if (balance.isNumber()) {
            batch.measure(event.profileId(), Measure.POINTS_BALANCE, balance.asLong(), event.occurredAt());
        }
    }

    /** The service module's case events carry the case's id; a message without one is no case's (a campaign's). */
    private void serviceCase(RollupBatch batch, LoggedEvent event) {
        String conversation = json.readTree(event.payload()).path("properties").path("conversation_id").asString("");
        UUID id;
        try {
            id = UUID.fromString(conversation);
        } catch (IllegalArgumentException notACase) {
            return;
        }
        Instant at = event.occurredAt();
        batch.serviceCase(switch (event.name()) {
            case EventNames.CONVERSATION_STARTED ->
                    new CaseFact(id, event.profileId(), event.channel(), at, null, null, 0);
            case EventNames.MESSAGE_SENT -> new CaseFact(id, event.profileId(), event.channel(), null, at, null, 0);
            default -> new CaseFact(id, event.profileId(), event.channel(), null, null, at, 1);
        });
    }

    /** A marketing consent statement in any channel counts as an opt-in or an opt-out touch. */
    private static void consent(RollupBatch batch, LoggedEvent event, JsonNode traits) {
        Boolean granted = null;
        for (var trait : traits.properties()) {
            if (trait.getKey().startsWith("consent.marketing.") && trait.getValue().isBoolean()) {
                granted = (granted != null && granted) || trait.getValue().asBoolean();
            }
        }
        if (granted != null) {
            batch.touch(event.profileId(), event.channel(), granted ? Touches.OPT_IN : Touches.OPT_OUT,
                    event.occurredAt());
        }
    }

    /** Consent is never taken from a client-side source (the privacy module ignores it too), so neither is it counted. */
    private void consent(RollupBatch batch, LoggedEvent event) {
        JsonNode payload = json.readTree(event.payload());
        JsonNode traits = payload.path("traits");
        if (traits.isObject() && !"client".equals(payload.path("sourceTrust").asString(""))) {
            consent(batch, event, traits);
        }
    }
}
