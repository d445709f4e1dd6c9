package io.throughline.journeys.internal;

import io.throughline.customers.CustomerProfiles;
import io.throughline.journeys.DryRun;
import io.throughline.journeys.DryRunRequest;
import io.throughline.journeys.Entry;
import io.throughline.journeys.Journey;
import io.throughline.journeys.JourneyStats;
import io.throughline.journeys.JourneyStatus;
import io.throughline.journeys.JourneyVersion;
import io.throughline.journeys.Journeys;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Service
class JourneyService implements Journeys {

    private final DefinitionStore store;
    private final ScheduleStore schedules;
    private final JourneyCounts counts;
    private final JourneyDefinitions definitions;
    private final JourneyEngine engine;
    private final LiveWorlds worlds;
    private final JourneySends sends;
    private final TransactionTemplate transactions;
    private final CustomerProfiles profiles;
    private final JsonMapper json;
    private final Clock clock;

    JourneyService(DefinitionStore store, ScheduleStore schedules, JourneyCounts counts,
            JourneyDefinitions definitions, JourneyEngine engine, LiveWorlds worlds, JourneySends sends,
            TransactionTemplate transactions, CustomerProfiles profiles, JsonMapper json, Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.counts = counts;
        this.definitions = definitions;
        this.engine = engine;
        this.worlds = worlds;
        this.sends = sends;
        this.transactions = transactions;
        this.profiles = profiles;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Journey create(JsonNode definitionJson) {
        Definition definition = definitions.parser().parse(definitionJson);
        if (store.exists(definition.key())) {
            throw new ConflictException("key", "A journey with key " + definition.key() + " exists; update it");
        }
        Instant now = clock.instant();
        store.insertJourney(definition.key(), definition.name(), now);
        store.insertVersion(definition.key(), 1, definition.name(), definitionJson.toString(), now);
        return get(definition.key());
    }

    @Override
    @Transactional
    public Journey update(String key, JsonNode definitionJson) {
        Journey journey = store.lock(key).orElseThrow(() -> new NotFoundException("Journey", key));
        Definition definition = definitions.parser().parse(definitionJson);
        if (!definition.key().equals(key)) {
            throw new InvalidRequestException("$.key", "must stay " + key + "; a journey's key cannot change");
        }
        Instant now = clock.instant();
        int version = journey.latestVersion() + 1;
        store.insertVersion(key, version, definition.name(), definitionJson.toString(), now);
        if (journey.status() == JourneyStatus.ACTIVE) {
            // New entries take the new version at once; customers in flight stay on theirs.
            activateVersion(key, definition, version, now);
        }
        return get(key);
    }

    @Override
    public Journey get(String key) {
        return store.find(key).orElseThrow(() -> new NotFoundException("Journey", key));
    }

    @Override
    public JourneyVersion version(String key, int version) {
        DefinitionStore.StoredVersion stored = store.version(key, version)
                .orElseThrow(() -> new NotFoundException("Journey version", key + " v" + version));
        return new JourneyVersion(key, version, json.readTree(stored.definition()), stored.createdAt());
    }

    @Override
    public Page<Journey> list(PageRequest pageRequest) {
        return store.list(pageRequest);
    }

    @Override
    @Transactional
    public Journey activate(String key) {
        Journey journey = store.lock(key).orElseThrow(() -> new NotFoundException("Journey", key));
        activateVersion(key, definitions.get(key, journey.latestVersion()), journey.latestVersion(), clock.instant());
        return get(key);
    }

    private void activateVersion(String key, Definition definition, int version, Instant now) {
        store.setStatus(key, JourneyStatus.ACTIVE, version, now);
        if (definition.trigger() instanceof Definition.Trigger.OnSchedule scheduled) {
            schedules.schedule(key, scheduled.schedule().nextAfter(now));
        } else {
            schedules.unschedule(key);
        }
    }

    @Override
    @Transactional
    public Journey pause(String key) {
        Journey journey = store.lock(key).orElseThrow(() -> new NotFoundException("Journey", key));
        store.setStatus(key, JourneyStatus.PAUSED, journey.activeVersion(), clock.instant());
        schedules.unschedule(key);
        return get(key);
    }

    /** Enters in one transaction and sends the first sends after it commits, before answering. */
    @Override
    public Entry enter(String key, UUID profileId, Map<String, Object> data) {
        WalkChanges changes = new WalkChanges();
        Entry entry = transactions.execute(status -> enter(key, profileId, data, changes));
        sends.send(changes.written());
        return java.util.Objects.requireNonNull(entry);
    }

    private Entry enter(String key, UUID profileId, Map<String, Object> data, WalkChanges changes) {
        Journey journey = get(key);
        if (journey.status() != JourneyStatus.ACTIVE || journey.activeVersion() == null) {
            throw new ConflictException("key", "Journey " + key + " is not active");
        }
        if (!(definitions.get(key, journey.activeVersion()).trigger() instanceof Definition.Trigger.OnApiCall)) {
            throw new ConflictException("key", "Journey " + key + " is not entered through the API");
        }
        profiles.get(profileId);
        Instant now = clock.instant();
        List<String> refusals = new ArrayList<>();
        Entry entry = engine.enter(key, journey.activeVersion(), profileId, json.writeValueAsString(data), now,
                changes, refusal -> refusals.add(refusal.reason())).orElseThrow(() ->
                        new ConflictException("profileId", "Not entered: " + String.join("; ", refusals)));
        engine.flush(changes, now);
        return entry;
    }

    @Override
    public DryRun dryRun(String key, DryRunRequest request) {
        Journey journey = get(key);
        int version = journey.activeVersion() != null ? journey.activeVersion() : journey.latestVersion();
        profiles.get(request.profileId());
        Definition definition = definitions.get(key, version);
        Map<String, Object> data = request.data() != null ? request.data() : Map.of();
        JourneyWalk walk = new JourneyWalk(definition, request.profileId(),
                worlds.dryRun(key, version, request.profileId(), data, request.eventsOrNone()));
        Instant start = request.start() != null ? request.start() : clock.instant();
        return new DryRunSimulation(definition, version, walk, request.eventsOrNone()).run(start);
    }

    @Override
    public JourneyStats stats(String key, int version) {
        store.version(key, version).orElseThrow(() -> new NotFoundException("Journey version", key + " v" + version));
        Definition definition = definitions.get(key, version);
        Map<String, JourneyCounts.StepCount> perStep = counts.steps(key, version);
        List<JourneyStats.StepCount> steps = definition.steps().values().stream().map(step -> {
            JourneyCounts.StepCount count = perStep.getOrDefault(step.id(), new JourneyCounts.StepCount(0, 0));
            return new JourneyStats.StepCount(step.id(), step.type(), count.arrived(), count.left(),
                    count.arrived() - count.left());
        }).toList();
        JourneyCounts.Outcomes outcomes = counts.outcomes(key, version);
        double conversion = outcomes.entered() == 0 ? 0 : (double) outcomes.converted() / outcomes.entered();
        return new JourneyStats(key, version, outcomes.entered(), outcomes.converted(), outcomes.completed(),
                conversion, steps);
    }
}
