package io.throughline.events.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.throughline.events.EventToAppend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies the Kafka ingest topic into the log, on every node for the partitions Kafka's consumer group gives it. A
 * poll's events are written like a group commit (de-duplicated by source and message id, identities resolved, under
 * the cluster's writer lock), and the partitions' next offsets are stored in the same transaction; on assignment the
 * consumer seeks to the stored offsets. So an event is in the log once however often it was sent, and a rebalance or
 * a node's death repeats nothing and skips nothing: the new owner starts exactly after the last committed batch.
 */
@Component
@OnClusterMode
class KafkaLogFeeder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaLogFeeder.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaClients clients;
    private final LogBatchWriter writer;
    private final ProcessorRunner processors;
    private final JdbcClient jdbc;
    private final Counter copied;
    private final AtomicLong lag = new AtomicLong();
    private volatile boolean running;
    private volatile boolean healthy;
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    KafkaLogFeeder(KafkaClients clients, LogBatchWriter writer, ProcessorRunner processors, JdbcClient jdbc,
            MeterRegistry meters) {
        this.clients = clients;
        this.writer = writer;
        this.processors = processors;
        this.jdbc = jdbc;
        this.copied = meters.counter("throughline.events.kafka.copied");
        meters.gauge("throughline.events.kafka.lag", lag);
    }

    /** Whether it follows the topic now: false while it cannot reach Kafka or the database. */
    boolean healthy() {
        return running && healthy;
    }

    private void follow() {
        while (running) {
            try (Consumer<byte[], byte[]> kafka = new KafkaConsumer<>(clients.consumer())) {
                consumer = kafka;
                clients.ensureTopic(Duration.ofSeconds(10));
                kafka.subscribe(List.of(clients.properties().topic()), new SeekToStored(kafka));
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
                    healthy = true;
                    if (!records.isEmpty()) {
                        copy(kafka, records);
                    }
                    lag.set(lag(kafka));
                }
            } catch (WakeupException stopping) {
                // stop() woke the poll.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception failed) {
                // Nothing of the failed batch was stored: a new consumer starts again from the stored offsets.
                healthy = false;
                log.error("Copying the Kafka ingest topic into the log failed; retrying", failed);
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void copy(Consumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> records) {
        List<EventToAppend> events = new ArrayList<>(records.count());
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            try {
                events.add(IngestRecords.decode(record.value()));
            } catch (IllegalArgumentException unreadable) {
                // Not written by this platform (or by a newer version of it): kept in Kafka, passed by here.
                log.error("Skipping record {} of partition {}: {}", record.offset(), record.partition(),
                        unreadable.getMessage());
            }
        }
        writer.write(events, List.of(), () -> storeOffsets(next));
        copied.increment(events.size());
        processors.wakeUp();
    }

    private void storeOffsets(Map<TopicPartition, Long> next) {
        next.forEach((partition, offset) -> jdbc.sql("""
                INSERT INTO events.kafka_offset (consumer_group, topic, partition, next_offset) VALUES (?, ?, ?, ?)
                ON CONFLICT (consumer_group, topic, partition)
                DO UPDATE SET next_offset = greatest(events.kafka_offset.next_offset, excluded.next_offset)""")
                .params(clients.properties().consumerGroup(), partition.topic(), partition.partition(), offset)
                .update());
    }

    private long storedOffset(TopicPartition partition) {
        return jdbc.sql("""
                SELECT next_offset FROM events.kafka_offset WHERE consumer_group = ? AND topic = ? AND partition = ?""")
                .params(clients.properties().consumerGroup(), partition.topic(), partition.partition())
                .query(Long.class).optional().orElse(-1L);
    }

    private static long lag(Consumer<byte[], byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            total += kafka.currentLag(partition).orElse(0);
        }
        return total;
    }

    /** Where the log has copied a partition up to, PostgreSQL knows; Kafka's committed offsets are not used. */
    private final class SeekToStored implements ConsumerRebalanceListener {

        private final Consumer<byte[], byte[]> kafka;

        SeekToStored(Consumer<byte[], byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<TopicPartition> fresh = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long offset = storedOffset(partition);
                if (offset < 0) {
                    fresh.add(partition);
                } else {
                    kafka.seek(partition, offset);
                }
            }
            if (!fresh.isEmpty()) {
                kafka.seekToBeginning(fresh);
            }
            log.info("Copying {} partitions of the ingest topic into the log", kafka.assignment().size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Each batch commits inside poll's caller before the next poll: nothing is in flight to finish here.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("kafka-log-feeder").start(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        Consumer<byte[], byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the processors and before the database writer. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1450;
    }
}
