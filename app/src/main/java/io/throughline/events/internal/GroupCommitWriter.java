package io.throughline.events.internal;

import io.throughline.events.AppendOutcome;
import io.throughline.events.EventLog;
import io.throughline.events.EventToAppend;
import io.throughline.events.LogOverloadedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The log's single writer. Requests queue their events; the writer takes whatever has queued within a
 * couple of milliseconds, up to a batch limit, and writes it in one transaction, so one commit (one disk
 * flush) serves many requests. Each request's future completes after the commit that holds its events.
 * Being the only writer keeps positions in commit order, which is what lets processors read by position.
 * Memory is bounded: when the queued events would exceed their budget, appends fail at once.
 */
@Component
class GroupCommitWriter implements EventLog, SmartLifecycle {

    /** One request's events; {@code fromOutbox} when they are rows of the outbox to delete as they are appended. */
    private record Pending(List<EventToAppend> events, boolean fromOutbox, int permits,
            CompletableFuture<List<AppendOutcome>> done) {}

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int PERMIT_BYTES = 1024;

    private final LogBatchWriter batchWriter;
    private final TransactionOutbox outbox;
    private final ProcessorRunner processors;
    private final EventsProperties properties;
    private final Counter commits;
    private final Counter appended;
    private final Counter refused;
    private final Timer commitTime;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore queuedBytes;
    private volatile boolean running;
    private Thread writer;

    GroupCommitWriter(LogBatchWriter batchWriter, TransactionOutbox outbox, ProcessorRunner processors,
            EventsProperties properties, MeterRegistry meters) {
        this.batchWriter = batchWriter;
        this.outbox = outbox;
        this.processors = processors;
        this.properties = properties;
        int budget = (int) Math.min(Integer.MAX_VALUE, properties.maxQueuedBytes() / PERMIT_BYTES);
        this.queuedBytes = new Semaphore(budget);
        this.commits = meters.counter("throughline.events.commits");
        this.appended = meters.counter("throughline.events.appended");
        this.refused = meters.counter("throughline.events.refused");
        this.commitTime = meters.timer("throughline.events.commit.time");
        meters.gauge("throughline.events.queued.bytes", queuedBytes,
                semaphore -> (double) (budget - semaphore.availablePermits()) * PERMIT_BYTES);
    }

    @Override
    public void appendWithTransaction(EventToAppend event) {
        outbox.add(event, this::drainOutbox);
    }

    /**
     * Appends rows of the outbox and deletes them in the same transaction. When the log is busy or the write
     * fails, the rows stay where they are, and {@link OutboxRelay} brings them again.
     */
    CompletableFuture<List<AppendOutcome>> drainOutbox(List<EventToAppend> events) {
        try {
            return enqueue(events, true).whenComplete((outcomes, failure) -> {
                if (failure != null) {
                    log.warn("{} events of the outbox were not appended yet: {}", events.size(), failure.toString());
                }
            });
        } catch (LogOverloadedException busy) {
            log.info("The log was busy; {} events stay in the outbox for now", events.size());
            return CompletableFuture.failedFuture(busy);
        }
    }

    @Override
    public CompletableFuture<List<AppendOutcome>> append(List<EventToAppend> events) {
        return enqueue(events, false);
    }

    private CompletableFuture<List<AppendOutcome>> enqueue(List<EventToAppend> events, boolean fromOutbox) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        int permits = Math.max(1, events.stream().mapToInt(EventToAppend::weight).sum() / PERMIT_BYTES);
        if (!running || !queuedBytes.tryAcquire(permits)) {
            refused.increment(events.size());
            throw new LogOverloadedException();
        }
        var pending = new Pending(List.copyOf(events), fromOutbox, permits, new CompletableFuture<>());
        queue.add(pending);
        return pending.done();
    }

    private void writeLoop() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int events = first.events().size();
                long deadline = System.nanoTime() + properties.commitDelay().toNanos();
                while (events < properties.maxBatchEvents()) {
                    long wait = deadline - System.nanoTime();
                    Pending next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    events += next.events().size();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                failAll(batch, new LogOverloadedException());
                return;
            }
            write(batch);
        }
    }

    private void write(List<Pending> batch) {
        try {
            commit(batch);
            release(batch);
        } catch (RuntimeException failed) {
            if (batch.size() > 1) {
                // One request's events must not cost the others theirs: write each request on its own.
                batch.forEach(pending -> write(List.of(pending)));
                return;
            }
            log.error("Writing {} events failed; the request is told to retry", batch.getFirst().events().size(),
                    failed);
            failAll(batch, failed);
            release(batch);
        }
    }

    private void release(List<Pending> batch) {
        batch.forEach(pending -> queuedBytes.release(pending.permits()));
    }

    private void commit(List<Pending> batch) {
        List<EventToAppend> events = new ArrayList<>();
        List<EventToAppend> fromOutbox = new ArrayList<>();
        for (Pending pending : batch) {
            events.addAll(pending.events());
            if (pending.fromOutbox()) {
                fromOutbox.addAll(pending.events());
            }
        }
        long started = System.nanoTime();
        List<AppendOutcome> outcomes = batchWriter.write(events, fromOutbox);
        commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        commits.increment();
        appended.increment(events.size());
        int from = 0;
        for (Pending pending : batch) {
            int to = from + pending.events().size();
            pending.done().complete(List.copyOf(outcomes.subList(from, to)));
            from = to;
        }
        processors.wakeUp();
    }

    private static void failAll(List<Pending> batch, RuntimeException cause) {
        batch.forEach(pending -> pending.done().completeExceptionally(cause));
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("event-log-writer").daemon(false).start(this::writeLoop);
    }

    /** Drains what is queued before the database goes away, so no accepted request is left hanging. */
    @Override
    public void stop() {
        running = false;
        try {
            writer.join(30_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}) has let in-flight
     * requests finish, so their appends are written, and before the database closes.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1500;
    }
}
