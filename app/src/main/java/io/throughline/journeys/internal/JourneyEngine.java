package io.throughline.journeys.internal;

import io.throughline.journeys.Entry;
import io.throughline.journeys.internal.Definition.Reentry;
import io.throughline.journeys.internal.JourneyStore.Instance;
import io.throughline.journeys.internal.JourneyStore.NewTimer;
import io.throughline.journeys.internal.JourneyStore.StepKey;
import io.throughline.journeys.internal.JourneyStore.Timer;
import io.throughline.journeys.internal.JourneyStore.VersionKey;
import io.throughline.journeys.internal.JourneyWalk.Resumption;
import io.throughline.journeys.internal.JourneyWalk.Stop;
import io.throughline.journeys.internal.JourneyWalk.TimerKind;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Moves instances: enters customers, reacts to their events (goals first, then awaited events), and fires
 * timers. Every method works inside the caller's transaction and writes the walk's outcome — the instance,
 * its next timer, the counts — in that same transaction, so a fired timer or a processed event moves an
 * instance exactly once. Locks are always taken timers first, then instances, by the poller and the
 * processor alike, so they cannot deadlock.
 */
@Component
class JourneyEngine {

    private final JourneyStore store;
    private final JourneyDefinitions definitions;
    private final LiveWorlds worlds;
    private final Clock clock;

    JourneyEngine(JourneyStore store, JourneyDefinitions definitions, LiveWorlds worlds, Clock clock) {
        this.store = store;
        this.definitions = definitions;
        this.worlds = worlds;
        this.clock = clock;
    }

    /** Why an entry was refused. */
    record Refusal(String reason) {}

    /**
     * Enters the customer into the version, unless its re-entry rule refuses her; walks her as far as the
     * first wait.
     */
    Optional<Entry> enter(String key, int version, UUID profileId, String data, Instant now, Changes changes,
            java.util.function.Consumer<Refusal> refused) {
        Definition definition = definitions.get(key, version);
        store.lockEntry(key, profileId);
        Optional<Instant> last = store.lastEntry(key, profileId);
        if (last.isPresent()) {
            switch (definition.reentry()) {
                case Reentry.Once once -> {
                    refused.accept(new Refusal("entered once already; the journey allows one entry"));
                    return Optional.empty();
                }
                case Reentry.OncePer per when last.get().plus(per.period()).isAfter(now) -> {
                    refused.accept(new Refusal("entered less than " + per.period() + " ago"));
                    return Optional.empty();
                }
                default -> { }
            }
        }
        Instance instance = new Instance(Ids.newId(clock), key, version, profileId, now, "ACTIVE",
                definition.start(), 0, null, data);
        JourneyWalk.Result result = walk(definition, instance).enter(now);
        changes.outcome(instance, 0);
        apply(instance, result, changes);
        store.insert(instance, now);
        return Optional.of(new Entry(instance.id, key, version, profileId, now));
    }

    /**
     * The customer's event, as the log has it: ends the instances whose goal it is, moves on those waiting for
     * it, then enters her into the active journeys it triggers.
     */
    void onEvent(UUID profileId, String label, JsonNode properties, Instant now,
            List<JourneyDefinitions.Live> active, Changes changes) {
        for (Instance seen : store.inFlight(profileId)) {
            Definition definition = definitions.get(seen.journey, seen.version);
            if (definition.goal() != null && definition.goal().matches(label, properties)) {
                store.deleteTimers(seen.id, null);
                Instance instance = store.lockInstances(List.of(seen.id)).get(seen.id);
                if (instance != null && instance.active()) {
                    changes.left(instance, instance.step);
                    instance.state = "CONVERTED";
                    instance.waitingFor = null;
                    changes.outcome(instance, 2);
                    changes.updated(instance);
                }
            } else if (label.equals(seen.waitingFor)
                    && definition.step(seen.step) instanceof Definition.Step.WaitForEvent wait
                    && wait.match().matches(label, properties)) {
                store.deleteTimers(seen.id, seen.stage);
                Instance instance = store.lockInstances(List.of(seen.id)).get(seen.id);
                // A timeout that fired meanwhile moved it on: its stage is no longer the one awaited.
                if (instance != null && instance.active() && instance.stage == seen.stage) {
                    apply(instance, walk(definition, instance).resume(instance.step, Resumption.EVENT, now), changes);
                    changes.updated(instance);
                }
            }
            changes.flush(store, now);
        }
        for (JourneyDefinitions.Live live : active) {
            if (live.definition().trigger() instanceof Definition.Trigger.OnEvent trigger
                    && trigger.match().matches(label, properties)) {
                String data = "{\"event\":" + quote(label) + ",\"properties\":" + properties + "}";
                enter(live.journey().key(), live.journey().activeVersion(), profileId, data, now, changes,
                        refusal -> { });
                changes.flush(store, now);
            }
        }
    }

    /** Claims one batch of due timers and fires them; answers how many it claimed. */
    int fireBatch(Instant now, int limit) {
        List<Timer> timers = store.claimDue(now, limit);
        if (timers.isEmpty()) {
            return 0;
        }
        Map<UUID, Instance> instances = store.lockInstances(timers.stream().map(Timer::instanceId).toList());
        Changes changes = new Changes();
        for (Timer timer : timers) {
            Instance instance = instances.get(timer.instanceId());
            if (instance == null || !instance.active() || instance.stage != timer.stage()) {
                continue;
            }
            Definition definition = definitions.get(instance.journey, instance.version);
            Resumption how = timer.kind() == TimerKind.TIMEOUT ? Resumption.TIMEOUT : Resumption.TIMER;
            apply(instance, walk(definition, instance).resume(instance.step, how, now), changes);
            changes.updated(instance);
        }
        changes.flush(store, now);
        return timers.size();
    }

    private JourneyWalk walk(Definition definition, Instance instance) {
        return new JourneyWalk(definition, instance.profileId, worlds.of(instance));
    }

    /** Writes where the walk stopped onto the instance, and what it leaves to write: timer and counts. */
    private void apply(Instance instance, JourneyWalk.Result result, Changes changes) {
        result.arrived().forEach(step -> changes.arrived(instance, step));
        result.left().forEach(step -> changes.left(instance, step));
        instance.step = result.stop().step();
        instance.waitingFor = null;
        switch (result.stop()) {
            case Stop.Parked parked -> {
                instance.stage++;
                changes.timer(new NewTimer(Ids.newId(clock), instance.id, instance.stage, parked.kind(),
                        parked.due()));
            }
            case Stop.Awaiting awaiting -> {
                instance.stage++;
                instance.waitingFor = awaiting.match().event();
                changes.timer(new NewTimer(Ids.newId(clock), instance.id, instance.stage, TimerKind.TIMEOUT,
                        awaiting.timeoutAt()));
            }
            case Stop.Ended ended -> {
                instance.state = ended.ending().state();
                changes.outcome(instance, ended.ending() == JourneyWalk.Ending.CONTROL ? 3 : 1);
            }
        }
    }

    private static String quote(String text) {
        return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(text).toString();
    }

    /** What a batch of walks leaves to write, written in a few statements at the end. */
    static final class Changes {
        private final Map<StepKey, long[]> steps = new HashMap<>();
        private final Map<VersionKey, long[]> outcomes = new HashMap<>();
        private final List<NewTimer> timers = new ArrayList<>();
        private final Map<UUID, Instance> updated = new LinkedHashMap<>();

        void arrived(Instance instance, String step) {
            steps.computeIfAbsent(new StepKey(instance.journey, instance.version, step), key -> new long[2])[0]++;
        }

        void left(Instance instance, String step) {
            steps.computeIfAbsent(new StepKey(instance.journey, instance.version, step), key -> new long[2])[1]++;
        }

        /** 0 entered, 1 completed, 2 converted, 3 control. */
        void outcome(Instance instance, int which) {
            outcomes.computeIfAbsent(new VersionKey(instance.journey, instance.version), key -> new long[4])[which]++;
        }

        void timer(NewTimer timer) {
            timers.add(timer);
        }

        void updated(Instance instance) {
            updated.put(instance.id, instance);
        }

        void flush(JourneyStore store, Instant now) {
            store.update(updated.values(), now);
            store.insertTimers(timers);
            store.addStepCounts(steps);
            store.addOutcomes(outcomes);
            steps.clear();
            outcomes.clear();
            timers.clear();
            updated.clear();
        }
    }
}
