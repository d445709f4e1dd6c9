package io.throughline.events.internal;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The log's part of readiness ({@code eventLog}). In single-node mode the log is the database, which readiness checks
 * already; in cluster mode a node is ready only while Kafka answers and the node copies its partitions of the ingest
 * topic into the log, so a load balancer stops sending events to a node that could not acknowledge them.
 */
@Component
class EventLogHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ObjectProvider<KafkaClients> kafka;
    private final ObjectProvider<KafkaLogFeeder> feeder;

    EventLogHealthIndicator(ObjectProvider<KafkaClients> kafka, ObjectProvider<KafkaLogFeeder> feeder) {
        super("The event log is not available");
        this.kafka = kafka;
        this.feeder = feeder;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        KafkaClients clients = kafka.getIfAvailable();
        if (clients == null) {
            builder.up().withDetail("mode", "single node");
            return;
        }
        int brokers = clients.brokers(TIMEOUT);
        KafkaLogFeeder copying = feeder.getObject();
        builder.status(brokers > 0 && copying.healthy() ? "UP" : "DOWN")
                .withDetail("mode", "cluster")
                .withDetail("brokers", brokers)
                .withDetail("copyingIngestTopic", copying.healthy());
    }
}
