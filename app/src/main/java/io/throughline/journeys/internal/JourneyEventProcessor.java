package io.throughline.journeys.internal;

import io.throughline.events.EventNames;
import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.events.ProfileMergeEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the log for journeys: each event that a journey's trigger, wait or goal names reaches the engine
 * in the processor's transaction, so its effects commit with the processor's offset, once; the sends the walks
 * reach go out after that commit. Only track calls are read, with their payloads; the rest of the log passes by
 * in the database. The platform's "Profiles Merged" moves the merged profile's instances to the survivor.
 */
@Component
class JourneyEventProcessor implements EventProcessor {

    private final JourneyEngine engine;
    private final JourneySends sends;
    private final JourneyDefinitions definitions;
    private final JsonMapper json;
    private final Clock clock;
    private volatile JourneyDefinitions.@Nullable Interest askedBeforeBatch;

    JourneyEventProcessor(JourneyEngine engine, JourneySends sends, JourneyDefinitions definitions, JsonMapper json,
            Clock clock) {
        this.engine = engine;
        this.sends = sends;
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

    /** Only the events a journey names, and merges: a busy log's page views stay in the database. */
    @Override
    public Set<String> names() {
        JourneyDefinitions.Interest interest = definitions.interest();
        askedBeforeBatch = interest;
        Set<String> names = new java.util.HashSet<>(interest.labels());
        names.add(EventNames.PROFILES_MERGED);
        names.add(EventNames.PROFILES_UNMERGED);
        return names;
    }

    @Override
    public boolean readsPlatformEvents() {
        // Platform events such as "Order Completed" from the commerce modules are track calls and come anyway.
        return false;
    }

    @Override
    public void process(List<LoggedEvent> events) {
        // The runner asked for the names just before reading this batch: the batch was chosen by that interest.
        JourneyDefinitions.Interest asked = askedBeforeBatch;
        askedBeforeBatch = null;
        JourneyDefinitions.Interest interest = asked != null ? asked : definitions.interest();
        WalkChanges changes = new WalkChanges();
        for (LoggedEvent event : events) {
            ProfileMergeEvent identityChange = ProfileMergeEvent.in(event).orElse(null);
            if (identityChange != null) {
                switch (identityChange) {
                    case ProfileMergeEvent.Merged merge -> engine.onMerge(merge.survivor(), merge.merged(), changes);
                    case ProfileMergeEvent.Unmerged unmerge ->
                            engine.onUnmerge(unmerge.survivor(), unmerge.restored(), changes);
                }
                engine.flush(changes, clock.instant());
                continue;
            }
            if (event.name() == null || !interest.labels().contains(event.name())) {
                continue;
            }
            JsonNode properties = json.readTree(event.payload()).path("properties");
            Instant now = clock.instant();
            engine.onEvent(event.profileId(), event.name(), properties.isObject() ? properties
                    : json.createObjectNode(), now, interest.active(), changes);
        }
        sends.afterCommit(changes.written());
    }
}
