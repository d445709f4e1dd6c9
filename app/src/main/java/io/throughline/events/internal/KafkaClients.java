package io.throughline.events.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The Kafka client settings of cluster mode, spelled once, and the admin client that creates and checks the topic. */
@Component
@OnClusterMode
class KafkaClients implements DisposableBean {

    private final ClusterProperties properties;
    private final String node;
    private final Admin admin;

    KafkaClients(ClusterProperties properties) {
        this.properties = properties;
        this.node = nodeName();
        this.admin = Admin.create(common("admin"));
    }

    ClusterProperties properties() {
        return properties;
    }

    /** Durable acknowledgement: every in-sync replica has the event, and a retried send is never written twice. */
    Map<String, Object> producer() {
        Map<String, Object> config = common("ingest");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Like the PostgreSQL log's group commit: a couple of milliseconds buy one request for many events.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long timeout = properties.sendTimeout().toMillis();
        // Also how long a first send waits for the topic's metadata, which a busy broker may take seconds to give.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(timeout, 10_000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 10_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, 12_002));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putAll(properties.client());
        return config;
    }

    /** Offsets live in PostgreSQL with the events they cover, so Kafka's own are never committed. */
    Map<String, Object> consumer() {
        Map<String, Object> config = common("log");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollEvents());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A node killed outright is noticed when its session expires: 15 s rather than Kafka's 45 s before the
        // others take its partitions over.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putAll(properties.client());
        return config;
    }

    /** Creates the ingest topic unless it exists. */
    void ensureTopic(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        Optional<Short> replication = properties.replicationFactor() > 0
                ? Optional.of(properties.replicationFactor()) : Optional.empty();
        var topic = new NewTopic(properties.topic(), Optional.of(properties.partitions()), replication);
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (!(failed.getCause() instanceof TopicExistsException)) {
                throw failed;
            }
        }
    }

    /** The brokers the cluster answers with, or an exception when it does not answer within the timeout. */
    int brokers(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
    }

    private Map<String, Object> common(String role) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "throughline-" + role + "-" + node);
        if (role.equals("admin")) {
            properties.client().forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
        }
        return config;
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (UnknownHostException unnamed) {
            return "node-" + ProcessHandle.current().pid();
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(5));
    }
}
