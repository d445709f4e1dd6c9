package io.throughline.journeys.internal;

import io.throughline.journeys.Entry;
import io.throughline.journeys.internal.Definition.Reentry;
import io.throughline.journeys.internal.JourneyStore.Instance;
import io.throughline.journeys.internal.JourneyStore.NewTimer;
import io.throughline.journeys.internal.JourneyStore.SendIntent;
import io.throughline.journeys.internal.JourneyStore.StepKey;
import io.throughline.journeys.internal.JourneyStore.Timer;
import io.throughline.journeys.internal.JourneyStore.VersionKey;
import io.throughline.journeys.internal.JourneyWalk.Resumption;
import io.throughline.journeys.internal.JourneyWalk.SendResult;
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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves instances: enters customers, reacts to their events (goals first, then awaited events), and fires
 * timers. Every method works inside the caller's transaction and writes the walk's outcome — the instance,
 * its next timer, the counts — in that same transaction, so a fired timer or a processed event moves an
 * instance exactly once. Locks are always taken timers first, then instances, by the poller and the
 * processor alike, so they cannot deadlock.
 */
class JourneyEngine {

    private final JourneyStore store;
    private final JourneyDefinitions definitions;
    private final LiveWorlds worlds;
    private final JourneysProperties properties;
    private final Clock clock;

    JourneyEngine(JourneyStore store, JourneyDefinitions definitions, LiveWorlds worlds, JourneysProperties properties,
            Clock clock) {
        this.store = store;
        this.definitions = definitions;
        this.worlds = worlds;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Writes what the walks left; the send intents among it are leased to the caller, who sends them once the
     * transaction commits (a crash before that leaves them to the next poller when the lease runs out).
     */
    void flush(Changes changes, Instant now) {
        changes.flush(store, clock.instant().plus(properties.sendLease()), now);
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
        apply(instance, result, changes, now);
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
                    apply(instance, walk(definition, instance).resume(instance.step, Resumption.EVENT, now), changes,
                            now);
                    changes.updated(instance);
                }
            }
            flush(changes, now);
        }
        @Nullable String data = null;
        for (JourneyDefinitions.Live live : active) {
            if (live.definition().trigger() instanceof Definition.Trigger.OnEvent trigger
                    && trigger.match().matches(label, properties)) {
                data = data != null ? data : eventData(label, properties);
                enter(live.journey().key(), live.journey().activeVersion(), profileId, data, now, changes,
                        refusal -> { });
                flush(changes, now);
            }
        }
    }

    /** Claims one batch of due timers and fires them; answers how many it claimed. */
    int fireBatch(Instant now, int limit, Changes changes) {
        List<Timer> timers = store.claimDue(now, limit);
        if (timers.isEmpty()) {
            return 0;
        }
        Map<UUID, Instance> instances = store.lockInstances(timers.stream().map(Timer::instanceId).toList());
        for (Timer timer : timers) {
            Instance instance = instances.get(timer.instanceId());
            if (instance == null || !instance.active() || instance.stage != timer.stage()) {
                continue;
            }
            Definition definition = definitions.get(instance.journey, instance.version);
            Resumption how = timer.kind() == TimerKind.TIMEOUT ? Resumption.TIMEOUT : Resumption.TIMER;
            apply(instance, walk(definition, instance).resume(instance.step, how, now), changes, now);
            changes.updated(instance);
        }
        flush(changes, now);
        return timers.size();
    }

    /**
     * Moves the instance on from the send step with what its dispatch became, unless it moved meanwhile (a goal
     * converted it); the intent is done either way. A null result means the send was dropped unsent.
     */
    void afterSend(SendIntent intent, @Nullable SendResult result, Changes changes) {
        store.deleteIntent(intent);
        Instance instance = store.lockInstances(List.of(intent.instanceId())).get(intent.instanceId());
        if (result == null || instance == null || !instance.active() || instance.stage != intent.stage()
                || !instance.step.equals(intent.step())) {
            return;
        }
        Definition definition = definitions.get(instance.journey, instance.version);
        apply(instance, walk(definition, instance).afterSend(intent.step(), result, intent.at()), changes,
                intent.at());
        changes.updated(instance);
    }

    private JourneyWalk walk(Definition definition, Instance instance) {
        return new JourneyWalk(definition, instance.profileId, worlds.of(instance));
    }

    /** Writes where the walk stopped onto the instance, and what it leaves to write: timer and counts. */
    private void apply(Instance instance, JourneyWalk.Result result, Changes changes, Instant now) {
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
            case Stop.Sending sending -> {
                instance.stage++;
                changes.intent(new SendIntent(instance.id, instance.stage, sending.step(), now));
            }
        }
    }

    /**
     * The data an event-triggered entry gives its messages: the event's properties as they are ({@code
     * {{order_number}}}, {@code {{order.number}}}), its name as {@code {{event}}} and the properties again under
     * {@code {{properties}}}; those two names are the journey's, whatever the event's properties say.
     */
    static String eventData(String label, JsonNode properties) {
        ObjectNode data = properties instanceof ObjectNode object ? object.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        data.put("event", label);
        data.set("properties", properties);
        return data.toString();
    }

    /**
     * Follows a merge of two profiles: the merged profile's instances, in flight or ended, become the
     * survivor's, their timers with them, so re-entry rules count both profiles' entries and each timer still
     * fires once. When both profiles are in flight in one journey that lets a customer in only once at a time
     * (every re-entry rule but {@code always}), the instance that entered first carries on and the other ends
     * as {@code MERGED}.
     */
    void onMerge(UUID survivor, UUID merged, Changes changes) {
        List<Instance> inFlight = new ArrayList<>(store.inFlight(survivor));
        inFlight.addAll(store.inFlight(merged));
        inFlight.sort(java.util.Comparator.comparing((Instance instance) -> instance.enteredAt)
                .thenComparing(instance -> instance.id));
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (Instance seen : inFlight) {
            Definition definition = definitions.get(seen.journey, seen.version);
            if (kept.add(seen.journey) || definition.reentry() instanceof Reentry.Always) {
                continue;
            }
            store.deleteTimers(seen.id, null);
            Instance instance = store.lockInstances(List.of(seen.id)).get(seen.id);
            if (instance != null && instance.active()) {
                changes.left(instance, instance.step);
                instance.state = "MERGED";
                instance.waitingFor = null;
                changes.updated(instance);
            }
        }
        store.moveInstances(merged, survivor);
    }

    /** What a batch of walks leaves to write, written in a few statements at the end. */
    static final class Changes {
        private final Map<StepKey, long[]> steps = new HashMap<>();
        private final Map<VersionKey, long[]> outcomes = new HashMap<>();
        private final List<NewTimer> timers = new ArrayList<>();
        private final Map<UUID, Instance> updated = new LinkedHashMap<>();
        private final List<SendIntent> intents = new ArrayList<>();
        private final List<SendIntent> written = new ArrayList<>();

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

        void intent(SendIntent intent) {
            intents.add(intent);
        }

        /** The send intents written so far, to send after the commit. */
        List<SendIntent> written() {
            return List.copyOf(written);
        }

        void flush(JourneyStore store, Instant leaseUntil, Instant now) {
            store.update(updated.values(), now);
            store.insertTimers(timers);
            store.insertIntents(intents, leaseUntil);
            store.addStepCounts(steps);
            store.addOutcomes(outcomes);
            written.addAll(intents);
            steps.clear();
            outcomes.clear();
            timers.clear();
            updated.clear();
            intents.clear();
        }
    }
}
