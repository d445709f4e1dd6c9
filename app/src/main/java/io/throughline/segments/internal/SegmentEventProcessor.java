package io.throughline.segments.internal;

import io.throughline.events.EventNames;
import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.events.ProfileMergeEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Follows the log for segments. Identify calls update her traits; track, page and screen calls are kept as
 * behaviour; "Profiles Merged" moves the absorbed profile's facts to the survivor. Then each customer whose
 * facts an event of the batch could change a membership with is evaluated once, at the end of the batch, in
 * the processor's transaction, so her memberships, their events and the offset commit together.
 */
@Component
class SegmentEventProcessor implements EventProcessor {

    private static final Set<String> NOT_BEHAVIOUR = Set.of(EventNames.SEGMENT_ENTERED, EventNames.SEGMENT_EXITED,
            EventNames.PROFILES_MERGED, EventNames.PROFILES_UNMERGED, EventNames.NOTE_ADDED);

    private final FactStore facts;
    private final MembershipStore memberships;
    private final LiveMemberships live;
    private final SegmentCatalogue catalogue;
    private final SegmentJson json;
    private final Clock clock;

    SegmentEventProcessor(FactStore facts, MembershipStore memberships, LiveMemberships live,
            SegmentCatalogue catalogue, SegmentJson json, Clock clock) {
        this.facts = facts;
        this.memberships = memberships;
        this.live = live;
        this.catalogue = catalogue;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "segments";
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.IDENTIFY, EventType.TRACK, EventType.PAGE, EventType.SCREEN);
    }

    @Override
    public Set<EventType> payloadTypes() {
        return EnumSet.of(EventType.IDENTIFY, EventType.TRACK);
    }

    @Override
    public void process(List<LoggedEvent> events) {
        Instant now = clock.instant();
        SegmentCatalogue.Loaded segments = catalogue.current();
        facts.lock(events.stream().map(LoggedEvent::profileId).toList(), now);
        Map<UUID, Map<String, Boolean>> dirty = new LinkedHashMap<>();
        List<FactStore.NewBehaviour> behaviour = new ArrayList<>();
        for (LoggedEvent event : events) {
            ProfileMergeEvent change = ProfileMergeEvent.in(event).orElse(null);
            if (change instanceof ProfileMergeEvent.Merged merge) {
                facts.addBehaviour(behaviour);
                behaviour.clear();
                facts.lock(List.of(merge.survivor(), merge.merged()), now);
                facts.merge(merge.survivor(), merge.merged(), now);
                memberships.forget(merge.merged());
                live.forget(merge.merged());
                dirty.remove(merge.merged());
                dirty.computeIfAbsent(merge.survivor(), id -> new HashMap<>());
                continue;
            }
            if (change instanceof ProfileMergeEvent.Unmerged unmerge) {
                facts.lock(List.of(unmerge.restored()), now);
                dirty.computeIfAbsent(event.profileId(), id -> new HashMap<>());
                dirty.computeIfAbsent(unmerge.restored(), id -> new HashMap<>());
                continue;
            }
            if (event.type() == EventType.IDENTIFY) {
                JsonNode payload = json.read(event.payload());
                JsonNode traits = payload.path("traits");
                if (traits.isObject()) {
                    facts.addBehaviour(behaviour);
                    behaviour.clear();
                    facts.applyTraits(event.profileId(), (ObjectNode) traits, now);
                    Map<String, Boolean> overlay = dirty.computeIfAbsent(event.profileId(), id -> new HashMap<>());
                    overlay.putAll(statedConsent(payload));
                }
                continue;
            }
            String name = event.label();
            if (NOT_BEHAVIOUR.contains(name) && event.fromPlatform()) {
                continue;
            }
            JsonNode properties = event.type() == EventType.TRACK
                    ? json.read(event.payload()).path("properties") : json.emptyObject();
            behaviour.add(new FactStore.NewBehaviour(event.seq(), event.profileId(), name, event.channel(),
                    event.occurredAt(), json.write(properties.isObject() ? properties : json.emptyObject())));
            if (segments.changedBy(name)) {
                dirty.computeIfAbsent(event.profileId(), id -> new HashMap<>());
            }
        }
        facts.addBehaviour(behaviour);
        if (segments.ordered().isEmpty()) {
            return;
        }
        Instant evaluatedAt = clock.instant();
        dirty.forEach((profileId, overlay) -> live.evaluate(profileId, evaluatedAt, segments, overlay));
    }

    /**
     * Consent stated in an identify call's traits ({@code "consent": {"marketing": {"email": true}}}), as the
     * privacy module reads it: client-side sources state none.
     */
    private static Map<String, Boolean> statedConsent(JsonNode payload) {
        Map<String, Boolean> stated = new HashMap<>();
        JsonNode consent = payload.path("traits").path("consent");
        if (!consent.isObject() || "client".equals(payload.path("sourceTrust").asString(""))) {
            return stated;
        }
        for (Map.Entry<String, JsonNode> purpose : consent.properties()) {
            if (purpose.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> channel : purpose.getValue().properties()) {
                    if (channel.getValue().isBoolean()) {
                        stated.put(purpose.getKey() + ":" + channel.getKey(), channel.getValue().asBoolean());
                    }
                }
            }
        }
        return stated;
    }
}
