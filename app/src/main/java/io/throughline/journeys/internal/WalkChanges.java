package io.throughline.journeys.internal;

import io.throughline.journeys.internal.JourneyCounts.StepKey;
import io.throughline.journeys.internal.JourneyCounts.VersionKey;
import io.throughline.journeys.internal.SendIntentStore.SendIntent;
import io.throughline.journeys.internal.TimerStore.NewTimer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a batch of walks leaves to write — instances entered and moved, timers, send intents set and done, counts —
 * gathered in memory and written by {@link WalkWriter} in one statement.
 */
final class WalkChanges {

    /**
     * A written send intent on its way to the sender, with the instance as the transaction that wrote it left it;
     * the instance is null when the sender must read it (another walk of the same transaction moved it after).
     */
    record Handoff(SendIntent intent, @Nullable Instance instance) {}

    /** What an instance's entry or ending adds to its version's outcome counts. */
    enum Outcome { ENTERED, COMPLETED, CONVERTED, CONTROL }

    private final Map<StepKey, long[]> steps = new HashMap<>();
    private final Map<VersionKey, long[]> outcomes = new HashMap<>();
    private final List<NewTimer> timers = new ArrayList<>();
    private final Map<UUID, Instance> entered = new LinkedHashMap<>();
    private final Map<UUID, Instance> updated = new LinkedHashMap<>();
    private final Map<SendIntent, Instance> intents = new LinkedHashMap<>();
    private final List<SendIntent> done = new ArrayList<>();
    private final List<Handoff> written = new ArrayList<>();

    void arrived(Instance instance, String step) {
        steps.computeIfAbsent(new StepKey(instance.journey, instance.version, step), key -> new long[2])[0]++;
    }

    void left(Instance instance, String step) {
        steps.computeIfAbsent(new StepKey(instance.journey, instance.version, step), key -> new long[2])[1]++;
    }

    void outcome(Instance instance, Outcome outcome) {
        outcomes.computeIfAbsent(new VersionKey(instance.journey, instance.version),
                key -> new long[Outcome.values().length])[outcome.ordinal()]++;
    }

    void timer(NewTimer timer) {
        timers.add(timer);
    }

    /** A new instance, written as the walk leaves it. */
    void entered(Instance instance) {
        entered.put(instance.id, instance);
    }

    /** A stored instance the walk moved; a new one is written whole anyway. */
    void updated(Instance instance) {
        if (!entered.containsKey(instance.id)) {
            updated.put(instance.id, instance);
        }
        // An intent written earlier in this transaction no longer describes the instance as it will commit.
        written.replaceAll(handoff -> handoff.intent().instanceId().equals(instance.id)
                ? new Handoff(handoff.intent(), null) : handoff);
    }

    /** Instances changed hands (a merge): the sender reads each one as it is. */
    void forgetInstances() {
        written.replaceAll(handoff -> new Handoff(handoff.intent(), null));
    }

    /** A send the walk reached for the instance. */
    void intent(SendIntent intent, Instance instance) {
        intents.put(intent, instance);
    }

    /** An intent whose dispatch is over, whatever it became. */
    void intentDone(SendIntent intent) {
        done.add(intent);
    }

    /** The send intents written so far, to send after the commit. */
    List<Handoff> written() {
        return List.copyOf(written);
    }

    /** Hands what is pending to the writer and starts afresh; the intents are kept as written. */
    void drainTo(Pending pending) {
        pending.accept(List.copyOf(entered.values()), List.copyOf(updated.values()), List.copyOf(timers),
                List.copyOf(intents.keySet()), List.copyOf(done), Map.copyOf(steps), Map.copyOf(outcomes));
        intents.forEach((intent, instance) -> written.add(new Handoff(intent, instance.copy())));
        steps.clear();
        outcomes.clear();
        timers.clear();
        entered.clear();
        updated.clear();
        intents.clear();
        done.clear();
    }

    /** Receives what a drain hands over. */
    @FunctionalInterface
    interface Pending {
        void accept(List<Instance> entered, List<Instance> updated, List<NewTimer> timers, List<SendIntent> intents,
                List<SendIntent> done, Map<StepKey, long[]> steps, Map<VersionKey, long[]> outcomes);
    }
}
