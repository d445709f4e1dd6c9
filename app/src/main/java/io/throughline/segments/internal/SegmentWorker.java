package io.throughline.segments.internal;

import io.throughline.platform.WorkerThreads;
import io.throughline.segments.SegmentWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The segments' background work on one thread per node: expiry timers that are due (claimed so that two
 * nodes never take the same customer: her facts row is locked with SKIP LOCKED before her timer is deleted),
 * batch evaluations under way, audience sync deliveries due, and every hour a sample of each segment's size and the pruning of behaviour
 * older than any window.
 */
@Component
class SegmentWorker implements SegmentWork, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentWorker.class);

    private final ExpiryStore expiries;
    private final FactStore facts;
    private final MembershipStore memberships;
    private final LiveMemberships live;
    private final SegmentCatalogue catalogue;
    private final BatchEvaluation batches;
    private final EvaluationStore evaluations;
    private final TransactionTemplate transactions;
    private final SegmentsProperties properties;
    private final AudienceSync syncs;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private Instant lastHourly = Instant.EPOCH;

    SegmentWorker(ExpiryStore expiries, FactStore facts, MembershipStore memberships, LiveMemberships live,
            SegmentCatalogue catalogue, BatchEvaluation batches, EvaluationStore evaluations,
            TransactionTemplate transactions, SegmentsProperties properties, AudienceSync syncs, Clock clock) {
        this.expiries = expiries;
        this.facts = facts;
        this.memberships = memberships;
        this.live = live;
        this.catalogue = catalogue;
        this.batches = batches;
        this.evaluations = evaluations;
        this.transactions = transactions;
        this.properties = properties;
        this.syncs = syncs;
        this.clock = clock;
    }

    @Override
    public int fireDue(Instant now) {
        int fired = 0;
        while (true) {
            Integer batch = transactions.execute(status -> fireBatch(now));
            int claimed = batch == null ? 0 : batch;
            fired += claimed;
            if (claimed < properties.timerBatch()) {
                return fired;
            }
        }
    }

    @Override
    public int deliverSyncs(Instant now) {
        int taken = 0;
        for (int batch = syncs.deliverDue(now); batch > 0; batch = syncs.deliverDue(now)) {
            taken += batch;
        }
        return taken;
    }

    @Override
    public void evaluatePending() {
        while (!evaluations.running().isEmpty()) {
            if (batches.runAll() == 0 && !evaluations.running().isEmpty()) {
                // Another worker holds what is left; its chunks commit soon.
                sleepQuietly(Duration.ofMillis(50));
            }
        }
    }

    private int fireBatch(Instant now) {
        List<UUID> due = expiries.due(now, properties.timerBatch());
        if (due.isEmpty()) {
            return 0;
        }
        List<UUID> claimed = expiries.claim(facts.lockFree(due), now);
        SegmentCatalogue.Loaded segments = catalogue.current();
        for (UUID profileId : claimed) {
            live.evaluate(profileId, now, segments, Map.of());
        }
        return claimed.size();
    }

    private void poll() {
        while (running) {
            try {
                Instant now = clock.instant();
                int done = fireDue(now) + batches.runAll() + syncs.deliverDue(now);
                if (now.isAfter(lastHourly.plus(Duration.ofHours(1)))) {
                    lastHourly = now;
                    transactions.executeWithoutResult(status -> {
                        memberships.sampleAll(now.truncatedTo(ChronoUnit.HOURS));
                        facts.prune(now.minus(properties.retention()));
                    });
                }
                if (done == 0) {
                    Thread.sleep(properties.timerPoll());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                // The transaction rolled back with its timers or chunk; they are taken again on the next round.
                log.error("Segment work failed; retrying", failed);
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        threads.add(Thread.ofVirtual().name("segment-worker").start(this::poll));
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
