package io.throughline.analytics.internal;

import io.throughline.events.EventNames;
import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import java.util.EnumSet;
import java.util.List;
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

    private final RollupWriter writer;
    private final JsonMapper json;

    RollupProcessor(RollupWriter writer, JsonMapper json) {
        this.writer = writer;
        this.json = json;
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
        RollupBatch batch = new RollupBatch();
        for (LoggedEvent event : events) {
            if (event.fromPlatform()) {
                if (EventNames.PROFILES_MERGED.equals(event.name())) {
                    // What the batch gathered before the merge belongs to the profiles as they were then.
                    writer.write(batch);
                    batch = new RollupBatch();
                    JsonNode properties = json.readTree(event.payload()).path("properties");
                    writer.merge(UUID.fromString(properties.path("merged").asString()),
                            UUID.fromString(properties.path("survivor").asString()));
                }
                continue;
            }
            batch.touch(event.profileId(), event.channel(), event.label(), event.occurredAt());
            if (event.type() == EventType.IDENTIFY) {
                consent(batch, event);
            } else if (EventNames.ORDER_COMPLETED.equals(event.name())) {
                OrderFact.from(event, json.readTree(event.payload())).ifPresent(batch::order);
            } else if (EventNames.ORDER_CANCELLED.equals(event.name())) {
                String order = json.readTree(event.payload()).path("properties").path("order_id").asString("");
                if (!order.isEmpty()) {
                    batch.cancel(order);
                }
            }
        }
        writer.write(batch);
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
