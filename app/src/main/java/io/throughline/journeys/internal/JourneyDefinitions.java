package io.throughline.journeys.internal;

import io.throughline.journeys.Journey;
import io.throughline.messaging.Messages;
import io.throughline.tracking.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parsed definitions by journey and version (versions never change, so they are cached for good), and what
 * the event processor needs to know: the active journeys and the events any version reacts to.
 */
@Component
class JourneyDefinitions {

    /** An active journey with the version new entries take. */
    record Live(Journey journey, Definition definition) {}

    /** The active journeys, and the labels of events that any version's triggers, waits or goals name. */
    record Interest(List<Live> active, Set<String> labels) {}

    private final DefinitionStore store;
    private final Messages messages;
    private final Channels channels;
    private final JsonMapper json;
    private final Map<String, Definition> byVersion = new ConcurrentHashMap<>();
    private volatile Interest interest = new Interest(List.of(), Set.of());
    private volatile long interestMark = Long.MIN_VALUE;

    private final WebhookHosts webhooks;

    JourneyDefinitions(DefinitionStore store, Messages messages, Channels channels, JsonMapper json,
            JourneysProperties properties) {
        this.webhooks = properties.webhooks();
        this.store = store;
        this.messages = messages;
        this.channels = channels;
        this.json = json;
    }

    DefinitionParser parser() {
        return new DefinitionParser(name -> messages.findByName(name).isPresent(),
                channel -> channels.find(channel).isPresent(), webhooks::refusal);
    }

    /** A saved version; its messages are not looked up again, since they existed when it was saved. */
    Definition get(String key, int version) {
        return byVersion.computeIfAbsent(key + "/" + version, ignored -> {
            String definition = store.version(key, version).orElseThrow(() ->
                    new IllegalStateException("No version " + version + " of journey " + key)).definition();
            return new DefinitionParser(name -> true, channel -> true).parse(json.readTree(definition));
        });
    }

    /** Reloads when a journey changed since the last look, on this node or another. */
    Interest interest() {
        long mark = store.changeMark();
        if (mark != interestMark) {
            List<Live> active = new ArrayList<>();
            for (Journey journey : store.active()) {
                active.add(new Live(journey, get(journey.key(), journey.activeVersion())));
            }
            Set<String> labels = new LinkedHashSet<>();
            store.allVersions().forEach(version -> labels.addAll(get(version.key(), version.version())
                    .eventsOfInterest()));
            interest = new Interest(List.copyOf(active), Set.copyOf(labels));
            interestMark = mark;
        }
        return interest;
    }
}
