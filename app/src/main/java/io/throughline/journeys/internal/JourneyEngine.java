package io.throughline.journeys.internal;

import io.throughline.journeys.Entry;
import io.throughline.journeys.internal.Definition.Reentry;
import io.throughline.journeys.internal.SendIntentStore.SendIntent;
import io.throughline.journeys.internal.TimerStore.NewTimer;
import io.throughline.journeys.internal.TimerStore.Timer;
import io.throughline.journeys.internal.WalkChanges.Outcome;
import io.throughline.journeys.internal.JourneyWalk.Resumption;
import io.throughline.journeys.internal.JourneyWalk.SendResult;
import io.throughline.journeys.internal.JourneyWalk.Stop;
import io.throughline.journeys.internal.JourneyWalk.TimerKind;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves instances: enters customers, reacts to their events (goals first, then awaited events), and fires
 * timers. Every method works inside the caller's transaction and leaves the walk's outcome — the instance,
 * its next timer or send intent, the counts — in the {@link WalkChanges}, which {@link #flush} writes in that
 * same transaction, so a fired timer or a processed event moves an instance exactly once. Locks are always taken timers first, then instances, by the poller and the
 * processor alike, so they cannot deadlock.
 */
class JourneyEngine {

    private final InstanceStore instances;
    private final TimerStore timers;
    private final WalkWriter writer;
    private final JourneyDefinitions definitions;
    private final LiveWorlds worlds;
    private final Clock clock;

    JourneyEngine(InstanceStore instances, TimerStore timers, WalkWriter writer, JourneyDefinitions definitions,
            LiveWorlds worlds, Clock clock) {
        this.instances = instances;
        this.timers = timers;
        this.writer = writer;
        this.definitions = definitions;
        this.worlds = worlds;
        this.clock = clock;
    }

    /**
     * Writes what the walks left; the send intents among it are leased to the caller, who sends them once the
     * transaction commits (a crash before that leaves them to the next poller when the lease runs out).
     */
    void flush(WalkChanges changes, Instant now) {
        writer.write(changes, now);
    }

    /** Why an entry was refused. */
    record Refusal(String reason) {}

    /**
     * Enters the customer into the version, unless its re-entry rule refuses her; walks her as far as the
     * first wait.
     */
    Optional<Entry> enter(String key, int version, UUID profileId, String data, Instant now, WalkChanges changes,
            Consumer<Refusal> refused) {
        Definition definition = definitions.get(key, version);
        // A journey that lets her in whenever it is triggered has no rule to hold, so no earlier entry to look up.
        Optional<Instant> last = definition.reentry() instanceof Reentry.Always ? Optional.empty()
                : lastEntryLocked(key, profileId);
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
        Instance instance = new Instance(Ids.newId(clock), key, version, profileId, now, InstanceState.ACTIVE,
                definition.start(), 0, null, data);
        JourneyWalk.Result result = walk(definition, instance).enter(now);
        changes.outcome(instance, Outcome.ENTERED);
        apply(instance, result, changes, now);
        changes.entered(instance);
        return Optional.of(new Entry(instance.id, key, version, profileId, now));
    }

    /** Her last entry, under a lock that keeps a concurrent trigger from entering her meanwhile. */
    private Optional<Instant> lastEntryLocked(String key, UUID profileId) {
        instances.lockEntry(key, profileId);
        return instances.lastEntry(key, profileId);
    }

    /**
     * The customer's event, as the log has it: ends the instances whose goal it is, moves on those waiting for
     * it, then enters her into the active journeys it triggers.
     */
    void onEvent(UUID profileId, String label, JsonNode properties, Instant now,
            List<JourneyDefinitions.Live> active, WalkChanges changes) {
        for (Instance seen : instances.inFlight(profileId)) {
            Definition definition = definitions.get(seen.journey, seen.version);
            if (definition.goal() != null && definition.goal().matches(label, properties)) {
                timers.delete(seen.id, null);
                Instance instance = instances.lock(List.of(seen.id)).get(seen.id);
                if (instance != null && instance.active()) {
                    changes.left(instance, instance.step);
                    instance.state = InstanceState.CONVERTED;
                    instance.waitingFor = null;
                    changes.outcome(instance, Outcome.CONVERTED);
                    changes.updated(instance);
                }
            } else if (label.equals(seen.waitingFor)
                    && definition.step(seen.step) instanceof Definition.Step.WaitForEvent wait
                    && wait.match().matches(label, properties)) {
                timers.delete(seen.id, seen.stage);
                Instance instance = instances.lock(List.of(seen.id)).get(seen.id);
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
    int fireBatch(Instant now, int limit, WalkChanges changes) {
        List<Timer> due = timers.claimDue(now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, Instance> locked = instances.lock(due.stream().map(Timer::instanceId).toList());
        for (Timer timer : due) {
            Instance instance = locked.get(timer.instanceId());
            if (instance == null || !instance.active() || instance.stage != timer.stage()) {
                continue;
            }
            Definition definition = definitions.get(instance.journey, instance.version);
            Resumption how = timer.kind() == TimerKind.TIMEOUT ? Resumption.TIMEOUT : Resumption.TIMER;
            apply(instance, walk(definition, instance).resume(instance.step, how, now), changes, now);
            changes.updated(instance);
        }
        flush(changes, now);
        return due.size();
    }

    /**
     * Moves the instance on from the send step with what its dispatch became, unless it moved meanwhile (a goal
     * converted it); the intent is done either way. A null result means the send was dropped unsent.
     */
    void afterSend(SendIntent intent, @Nullable SendResult result, WalkChanges changes) {
        changes.intentDone(intent);
        Instance instance = instances.lock(List.of(intent.instanceId())).get(intent.instanceId());
        if (result == null || instance == null || !instance.at(intent.stage(), intent.step())) {
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
    private void apply(Instance instance, JourneyWalk.Result result, WalkChanges changes, Instant now) {
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
                changes.outcome(instance, ended.ending() == JourneyWalk.Ending.CONTROL ? Outcome.CONTROL
                        : Outcome.COMPLETED);
            }
            case Stop.Sending sending -> {
                instance.stage++;
                changes.intent(new SendIntent(instance.id, instance.stage, sending.step(), now), instance);
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
    void onMerge(UUID survivor, UUID merged, WalkChanges changes) {
        List<Instance> inFlight = new ArrayList<>(instances.inFlight(survivor));
        inFlight.addAll(instances.inFlight(merged));
        inFlight.sort(Comparator.comparing((Instance instance) -> instance.enteredAt)
                .thenComparing(instance -> instance.id));
        Set<String> kept = new HashSet<>();
        for (Instance seen : inFlight) {
            Definition definition = definitions.get(seen.journey, seen.version);
            if (kept.add(seen.journey) || definition.reentry() instanceof Reentry.Always) {
                continue;
            }
            timers.delete(seen.id, null);
            Instance instance = instances.lock(List.of(seen.id)).get(seen.id);
            if (instance != null && instance.active()) {
                changes.left(instance, instance.step);
                instance.state = InstanceState.MERGED;
                instance.waitingFor = null;
                changes.updated(instance);
            }
        }
        instances.move(merged, survivor);
        changes.forgetInstances();
    }

    /**
     * An undone merge: the restored profile's instances, in flight or ended, go back to her and walk on there.
     * An instance the merge ended as a duplicate stays ended.
     */
    void onUnmerge(UUID survivor, UUID restored, WalkChanges changes) {
        instances.moveBack(survivor, restored);
        changes.forgetInstances();
    }
}
