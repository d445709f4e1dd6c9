package io.throughline.journeys.internal;

import io.throughline.customers.CustomerFilter;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.journeys.Journey;
import io.throughline.journeys.JourneyStatus;
import io.throughline.journeys.JourneyTimers;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.WorkerThreads;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timers: each poller thread claims a batch of due timers (skipping those another thread or node
 * holds), advances their instances and deletes the timers in one transaction, and goes straight on while
 * batches come back full. A crash rolls the batch back, so its timers fire after the restart, once. The same
 * loop runs the scheduled triggers, and sends the send intents a crash left behind.
 */
@Component
class TimerPoller implements JourneyTimers, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    private final JourneyEngine engine;
    private final JourneySends sends;
    private final DefinitionStore journeys;
    private final TimerStore timers;
    private final ScheduleStore schedules;
    private final JourneyDefinitions definitions;
    private final CustomerProfiles profiles;
    private final TransactionTemplate transactions;
    private final JourneysProperties properties;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    TimerPoller(JourneyEngine engine, JourneySends sends, DefinitionStore journeys, TimerStore timers,
            ScheduleStore schedules, JourneyDefinitions definitions, CustomerProfiles profiles,
            TransactionTemplate transactions, JourneysProperties properties, Clock clock) {
        this.engine = engine;
        this.sends = sends;
        this.journeys = journeys;
        this.timers = timers;
        this.schedules = schedules;
        this.definitions = definitions;
        this.profiles = profiles;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public int fireDue(Instant now) {
        runDueSchedules(now);
        int fired = fireUntilNoneDue(() -> now);
        sends.sendAbandoned(now);
        return fired;
    }

    /**
     * Batch after batch while they come back full; each batch acts at the moment the clock gives it, and its
     * sends go out after its commit.
     */
    private int fireUntilNoneDue(java.util.function.Supplier<Instant> clockOfBatch) {
        int fired = 0;
        while (true) {
            Instant now = clockOfBatch.get();
            WalkChanges changes = new WalkChanges();
            Integer batch = transactions.execute(status -> engine.fireBatch(now, properties.timerBatch(), changes));
            sends.send(changes.written());
            int claimed = batch == null ? 0 : batch;
            fired += claimed;
            if (claimed < properties.timerBatch()) {
                return fired;
            }
        }
    }

    @Override
    public long pending() {
        return timers.pending();
    }

    private void poll(int thread) {
        while (running) {
            try {
                int fired = fireUntilNoneDue(clock::instant);
                if (thread == 0) {
                    runDueSchedules(clock.instant());
                    fired += sends.sendAbandoned(clock.instant());
                }
                if (fired == 0) {
                    Thread.sleep(properties.timerPoll());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                // The batch rolled back with its timers; they are claimed again on the next round.
                log.error("Firing journey timers failed; retrying", failed);
                sleepQuietly();
            }
        }
    }

    /** Enters the audience of every scheduled journey whose time has come, and sets its next run. */
    void runDueSchedules(Instant now) {
        WalkChanges changes = new WalkChanges();
        transactions.executeWithoutResult(status -> {
            for (String key : schedules.claimDue(now)) {
                Journey journey = journeys.find(key).orElseThrow();
                if (journey.status() != JourneyStatus.ACTIVE || journey.activeVersion() == null) {
                    schedules.unschedule(key);
                    continue;
                }
                Definition definition = definitions.get(key, journey.activeVersion());
                if (!(definition.trigger() instanceof Definition.Trigger.OnSchedule scheduled)) {
                    schedules.unschedule(key);
                    continue;
                }
                CustomerFilter audience = new CustomerFilter("", scheduled.audience().channel(),
                        now.minus(scheduled.audience().seenWithin()));
                for (int page = 0; ; page++) {
                    Page<CustomerProfile> customers = profiles.list(audience, new PageRequest(page, PageRequest.MAX_SIZE));
                    for (CustomerProfile customer : customers.items()) {
                        engine.enter(key, journey.activeVersion(), customer.id(), "{}", now, changes, refusal -> { });
                    }
                    engine.flush(changes, now);
                    if (!customers.hasNext()) {
                        break;
                    }
                }
                schedules.schedule(key, scheduled.schedule().nextAfter(now));
            }
        });
        sends.send(changes.written());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.timerThreads(); i++) {
            int thread = i;
            threads.add(Thread.ofVirtual().name("journey-timers-" + i).start(() -> poll(thread)));
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        WorkerThreads.joinAndClear(threads);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the database, with the event processors. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1400;
    }
}
