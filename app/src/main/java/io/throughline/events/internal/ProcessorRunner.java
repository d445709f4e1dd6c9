package io.throughline.events.internal;

import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.events.ProcessorOffsets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.throughline.platform.WorkerThreads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds every {@link EventProcessor} from the log. Each has a thread that reads the events after its stored
 * offset, in order, and commits its effects together with the new offset. The writer wakes the threads
 * after each commit, so processing follows ingest within milliseconds; after a restart each one simply
 * continues from its offset.
 */
@Component
class ProcessorRunner implements SmartLifecycle, ProcessorOffsets {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRunner.class);

    private final ObjectProvider<EventProcessor> processors;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long wakeUps;

    ProcessorRunner(ObjectProvider<EventProcessor> processors, JdbcClient jdbc, TransactionTemplate transactions,
            EventsProperties properties, Clock clock, MeterRegistry meters) {
        this.processors = processors;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    void wakeUp() {
        lock.lock();
        try {
            wakeUps++;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long offset(String processor) {
        return jdbc.sql("SELECT seq FROM events.processor_offset WHERE processor = ?").param(processor)
                .query(Long.class).optional().orElse(0L);
    }

    private void follow(EventProcessor processor) {
        jdbc.sql("""
                INSERT INTO events.processor_offset (processor, seq, updated_at) VALUES (?, 0, ?)
                ON CONFLICT DO NOTHING""").params(processor.name(), Timestamp.from(clock.instant())).update();
        while (running) {
            long seenWakeUps = currentWakeUps();
            try {
                int processed = processNextBatch(processor);
                if (processed == 0) {
                    awaitAppend(seenWakeUps);
                }
            } catch (RuntimeException failed) {
                // The batch and its offset rolled back together; retry it after a pause.
                log.error("Processor {} failed; retrying its batch", processor.name(), failed);
                sleepQuietly(1000);
            }
        }
    }

    private int processNextBatch(EventProcessor processor) {
        // Looking before locking: an idle poll that took the row lock would write (and flush) WAL every second.
        long seen = offset(processor.name());
        // max(seq) is one step down each partition's index. "EXISTS (… WHERE seq > ?)" is not: its generic plan
        // expects a third of the rows to match and scans the table from the start, past every processed event.
        long newest = jdbc.sql("SELECT coalesce(max(seq), 0) FROM events.event").query(Long.class).single();
        if (newest <= seen) {
            return 0;
        }
        Integer processed = transactions.execute(status -> {
            // In cluster mode every node runs every processor; the one holding its offset's row does the batch, the
            // others pass and look again later, so the batch and its effects happen once.
            Long locked = jdbc.sql("SELECT seq FROM events.processor_offset WHERE processor = ? FOR UPDATE SKIP LOCKED")
                    .param(processor.name()).query(Long.class).optional().orElse(null);
            if (locked == null) {
                return 0;
            }
            long offset = locked;
            // The next stretch of the log, then only the events of it that the processor reads.
            Long upTo = jdbc.sql("""
                    SELECT max(seq) FROM (SELECT seq FROM events.event WHERE seq > ? ORDER BY seq LIMIT ?) stretch""")
                    .params(offset, properties.processorBatch()).query(Long.class).single();
            if (upTo == null) {
                return 0;
            }
            String[] eventNames = processor.names().toArray(String[]::new);
            List<LoggedEvent> events = jdbc.sql("""
                    SELECT seq, profile_id, source_id, channel, message_id, type, name, occurred_at, received_at,
                           CASE WHEN type = ANY(?) OR source_id = ? THEN payload::text ELSE '{}' END AS payload
                    FROM events.event
                    WHERE seq > ? AND seq <= ? AND (type = ANY(?) OR (? AND source_id = ?))
                        AND (cardinality(?::text[]) = 0 OR name = ANY(?))
                    ORDER BY seq""")
                    .params(names(processor.payloadTypes()), LoggedEvent.PLATFORM_SOURCE, offset, upTo,
                            names(processor.types()), processor.readsPlatformEvents(), LoggedEvent.PLATFORM_SOURCE,
                            eventNames, eventNames)
                    .query(ProcessorRunner::event).list();
            if (events.isEmpty()) {
                moveOffset(processor, upTo);
                return (int) (upTo - offset);
            }
            processor.process(events);
            moveOffset(processor, upTo);
            return events.size();
        });
        return processed == null ? 0 : processed;
    }

    private void moveOffset(EventProcessor processor, long seq) {
        jdbc.sql("UPDATE events.processor_offset SET seq = ?, updated_at = ? WHERE processor = ?")
                .params(seq, Timestamp.from(clock.instant()), processor.name()).update();
    }

    private static String[] names(java.util.Set<EventType> types) {
        return types.stream().map(EventType::name).toArray(String[]::new);
    }

    private long currentWakeUps() {
        lock.lock();
        try {
            return wakeUps;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next commit, or a second at most, in case another node appended. */
    private void awaitAppend(long seenWakeUps) {
        lock.lock();
        try {
            if (wakeUps == seenWakeUps && running) {
                appended.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    static LoggedEvent event(ResultSet rs, int row) throws SQLException {
        return new LoggedEvent(rs.getLong("seq"), rs.getObject("profile_id", UUID.class),
                rs.getObject("source_id", UUID.class), rs.getString("channel"), rs.getString("message_id"),
                EventType.valueOf(rs.getString("type")), rs.getString("name"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                rs.getString("payload"));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many positions of the log the processor has still to read (its consumer lag). */
    private double lag(String processor) {
        return jdbc.sql("""
                SELECT greatest(0, (SELECT coalesce(max(seq), 0) FROM events.event)
                    - coalesce((SELECT seq FROM events.processor_offset WHERE processor = ?), 0))""")
                .param(processor).query(Long.class).single();
    }

    @Override
    public void start() {
        running = true;
        processors.orderedStream().forEach(processor -> {
            Gauge.builder("throughline.events.processor.lag", () -> lag(processor.name()))
                    .tag("processor", processor.name())
                    .description("Positions of the log the processor has not read yet").register(meters);
            threads.add(Thread.ofVirtual().name("processor-" + processor.name()).start(() -> follow(processor)));
        });
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        WorkerThreads.joinAndClear(threads);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the writer and the database. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1400;
    }
}
