package io.throughline.journeys.internal;

import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the log for journeys: each event that a journey's trigger, wait or goal names reaches the engine
 * in the processor's transaction, so its effects commit with the processor's offset, once. Only track calls
 * are read, with their payloads; the rest of the log passes by in the database.
 */
@Component
class JourneyEventProcessor implements EventProcessor {

    private final JourneyEngine engine;
    private final JourneyDefinitions definitions;
    private final JsonMapper json;
    private final Clock clock;

    JourneyEventProcessor(JourneyEngine engine, JourneyDefinitions definitions, JsonMapper json, Clock clock) {
        this.engine = engine;
        this.definitions = definitions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "journeys";
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.TRACK);
    }

    @Override
    public boolean readsPlatformEvents() {
        // Platform events such as "Order Completed" from the commerce modules are track calls and come anyway.
        return false;
    }

    @Override
    public void process(List<LoggedEvent> events) {
        JourneyDefinitions.Interest interest = definitions.interest();
        if (interest.labels().isEmpty()) {
            return;
        }
        JourneyEngine.Changes changes = new JourneyEngine.Changes();
        for (LoggedEvent event : events) {
            if (event.name() == null || !interest.labels().contains(event.name())) {
                continue;
            }
            JsonNode properties = json.readTree(event.payload()).path("properties");
            Instant now = clock.instant();
            engine.onEvent(event.profileId(), event.name(), properties.isObject() ? properties
                    : json.createObjectNode(), now, interest.active(), changes);
        }
    }
}
