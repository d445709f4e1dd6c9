package io.throughline.events.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.throughline.events.AppendOutcome;
import io.throughline.events.EventLog;
import io.throughline.events.EventToAppend;
import io.throughline.events.LogOverloadedException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The log as other modules append to it in cluster mode: an accepted event is written to the Kafka ingest topic, and
 * the append completes once every in-sync replica has it; {@link KafkaLogFeeder} then brings it into the log on some
 * node, exactly once. Events that must commit with the caller's transaction still take the PostgreSQL outbox, which is
 * as durable and already shared by every node.
 */
@Component
@Primary
@OnClusterMode
class KafkaIngest implements EventLog, DisposableBean {

    private static final AppendOutcome QUEUED = new AppendOutcome.Queued();

    private final GroupCommitWriter database;
    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final Counter sent;
    private final Counter refused;

    KafkaIngest(KafkaClients clients, GroupCommitWriter database, MeterRegistry meters) {
        this.database = database;
        this.topic = clients.properties().topic();
        this.producer = new KafkaProducer<>(clients.producer());
        this.sent = meters.counter("throughline.events.kafka.sent");
        this.refused = meters.counter("throughline.events.kafka.refused");
    }

    @Override
    public CompletableFuture<List<AppendOutcome>> append(List<EventToAppend> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[events.size()];
        try {
            for (int i = 0; i < events.size(); i++) {
                EventToAppend event = events.get(i);
                CompletableFuture<Void> done = new CompletableFuture<>();
                producer.send(new ProducerRecord<>(topic, IngestRecords.key(event), IngestRecords.encode(event)),
                        (metadata, failure) -> {
                            if (failure == null) {
                                done.complete(null);
                            } else {
                                done.completeExceptionally(failure);
                            }
                        });
                acknowledged[i] = done;
            }
        } catch (KafkaException full) {
            // The producer's buffer stayed full (or the brokers unknown) for its blocking limit: the channel retries.
            refused.increment(events.size());
            throw new LogOverloadedException();
        }
        int count = events.size();
        return CompletableFuture.allOf(acknowledged).thenApply(all -> {
            sent.increment(count);
            return Collections.nCopies(count, QUEUED);
        });
    }

    @Override
    public void appendWithTransaction(EventToAppend event) {
        database.appendWithTransaction(event);
    }

    @Override
    public void destroy() {
        // Sends still in flight get some seconds to be acknowledged; any that are not fail their request, which the
        // channel retries (the web server has stopped taking requests by now).
        producer.close(Duration.ofSeconds(10));
    }
}
