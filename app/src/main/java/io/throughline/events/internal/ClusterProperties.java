package io.throughline.events.internal;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster mode: the customer event log goes through Apache Kafka. Unset {@code bootstrapServers} is single-node mode.
 *
 * @param bootstrapServers  the brokers ({@code host:port,…}); setting it turns cluster mode on
 * @param topic             the ingest topic every node writes accepted events to
 * @param partitions        its partitions when the platform creates it (the most nodes that copy it into the log at
 *                          once)
 * @param replicationFactor its replication factor when the platform creates it; 0 takes the broker's default
 * @param consumerGroup     the group of the nodes that copy the topic into the log
 * @param maxPollEvents     the most events one copy into the log holds
 * @param sendTimeout       how long an ingest request waits for Kafka's acknowledgement before it is told to retry
 * @param client            further Kafka client properties for both producer and consumer (security, tuning), by
 *                          their Kafka names
 */
@ConfigurationProperties("throughline.kafka")
record ClusterProperties(
        @Nullable String bootstrapServers,
        @DefaultValue("throughline.events") String topic,
        @DefaultValue("12") int partitions,
        @DefaultValue("0") short replicationFactor,
        @DefaultValue("throughline-log") String consumerGroup,
        @DefaultValue("5000") int maxPollEvents,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue Map<String, String> client) {

    boolean enabled() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }
}
