package io.throughline.journeys.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what walks left in the caller's transaction, in one statement across the instance, timer, send-intent
 * and count tables. The send intents it writes are leased to the caller, who sends them once the transaction
 * commits; a crash before that leaves them to the next poller when the lease runs out.
 */
@Component
class WalkWriter {

    private final InstanceStore instances;
    private final TimerStore timers;
    private final SendIntentStore intents;
    private final JourneyCounts counts;
    private final JourneysProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    WalkWriter(InstanceStore instances, TimerStore timers, SendIntentStore intents, JourneyCounts counts,
            JourneysProperties properties, JdbcClient jdbc, Clock clock) {
        this.instances = instances;
        this.timers = timers;
        this.intents = intents;
        this.counts = counts;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void write(WalkChanges changes, Instant now) {
        Instant leaseUntil = clock.instant().plus(properties.sendLease());
        OneStatement statement = new OneStatement();
        changes.drainTo((entered, updated, newTimers, newIntents, done, steps, outcomes) -> {
            if (!entered.isEmpty()) {
                statement.add(instances.insert(entered, now));
            }
            if (!updated.isEmpty()) {
                statement.add(instances.update(updated, now));
            }
            if (!newTimers.isEmpty()) {
                statement.add(timers.insert(newTimers));
            }
            done.forEach(intent -> statement.add(intents.delete(intent)));
            if (!newIntents.isEmpty()) {
                statement.add(intents.insert(newIntents, leaseUntil));
            }
            if (!steps.isEmpty()) {
                statement.add(counts.addSteps(steps));
            }
            if (!outcomes.isEmpty()) {
                statement.add(counts.addOutcomes(outcomes));
            }
        });
        statement.execute(jdbc);
    }
}
