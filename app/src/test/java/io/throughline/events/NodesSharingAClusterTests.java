package io.throughline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.throughline.ThroughlineApplication;
import io.throughline.support.PlatformTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two platform nodes in cluster mode, each its own Spring context, on one PostgreSQL and a real (in-JVM) KRaft
 * broker. Customers' events reach both nodes at the same moment, some of them twice (a channel retrying on the other
 * node); then one node leaves and the other takes over its partitions.
 */
class NodesSharingAClusterTests {

    private static final int PEOPLE = 24;
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((PlatformTest.WEB_WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));

    private static EmbeddedKafkaKraftBroker kafka;
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startBrokerDatabaseAndTwoNodes() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setCleanDataDirectory(true)
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
        // One after the other: the first runs the migrations and the bootstrap, the second finds them done.
        nodeA = node();
        nodeB = node();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(ThroughlineApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--throughline.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--throughline.kafka.partitions=4",
                // The demo brand holds the web source whose write key the test sends with; the first node loads it.
                "--throughline.demo.customers=5",
                "--throughline.demo.history=false");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (var node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void aPersonsEventsSentToBothNodesAtOnceEndOnOneProfileStoredOnceAndCountedOnceAlsoAfterANodeLeaves()
            throws Exception {
        assertThat(status(nodeA, "/actuator/health/readiness")).isEqualTo(200);

        // Each person signs in on a phone (node A) and a laptop (node B) at once; the laptop's request is retried on
        // node A, as a channel does when its first try timed out.
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int person = 0; person < PEOPLE; person++) {
                String phone = batch(person, "phone");
                String laptop = batch(person, "laptop");
                sent.add(clients.submit(() -> send(nodeA, phone)));
                sent.add(clients.submit(() -> send(nodeB, laptop)));
                sent.add(clients.submit(() -> send(nodeA, laptop)));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        }
        assertThat(acknowledged).hasSize(PEOPLE * 2 * 3);

        try (Connection db = postgres.getPostgresDatabase().getConnection()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> storedOnce(db, acknowledged));
            await().atMost(Duration.ofSeconds(60)).until(() -> processorsCaughtUp(db));
            for (int person = 0; person < PEOPLE; person++) {
                assertThat(profilesHolding(db, "user-" + person, "anon-phone-" + person, "anon-laptop-" + person))
                        .as("person %d has one profile", person).isEqualTo(1);
                assertThat(countedEvents(db, "user-" + person)).as("person %d's events counted once", person)
                        .isEqualTo(6);
            }
            assertThat(mergesOfTheSamePairTwice(db)).isZero();
        }
        assertThat(processorLag(nodeA)).isZero();

        // Node B leaves: node A takes over its partitions of the ingest topic and stores what arrives from now on.
        nodeB.close();
        Set<String> before = Set.copyOf(acknowledged);
        for (int person = PEOPLE; person < PEOPLE + 8; person++) {
            send(nodeA, batch(person, "phone"));
        }
        Set<String> after = new java.util.HashSet<>(acknowledged);
        after.removeAll(before);
        assertThat(after).hasSize(8 * 3);
        try (Connection db = postgres.getPostgresDatabase().getConnection()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> storedOnce(db, acknowledged));
        }
    }

    /** Three events of one person on one device: a page, an identify naming her user id, a tap. */
    private static String batch(int person, String device) {
        String anonymous = "\"anonymousId\":\"anon-" + device + "-" + person + "\"";
        String id = "\"messageId\":\"" + device + "-" + person + "-";
        return "{\"batch\":["
                + "{\"type\":\"page\"," + anonymous + ",\"name\":\"Wines\"," + id + "1\"},"
                + "{\"type\":\"identify\"," + anonymous + ",\"userId\":\"user-" + person + "\"," + id + "2\"},"
                + "{\"type\":\"track\"," + anonymous + ",\"userId\":\"user-" + person + "\",\"event\":\"Tap\","
                + id + "3\"}]}";
    }

    private void send(ConfigurableApplicationContext node, String body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl(node) + "/v1/batch"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", BASIC)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            for (String part : body.split("\"messageId\":\"")) {
                if (!part.startsWith("{")) {
                    acknowledged.add(part.substring(0, part.indexOf('"')));
                }
            }
        } catch (java.io.IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }

    private int status(ConfigurableApplicationContext node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl(node) + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static boolean storedOnce(Connection db, Set<String> messageIds) throws Exception {
        try (PreparedStatement count = db.prepareStatement("""
                SELECT count(*), count(DISTINCT message_id) FROM events.event WHERE message_id = ANY(?)""")) {
            count.setArray(1, db.createArrayOf("text", messageIds.toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("no acknowledged event stored twice").isEqualTo(rs.getLong(2));
                return rs.getLong(2) == messageIds.size();
            }
        }
    }

    private static boolean processorsCaughtUp(Connection db) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT (SELECT coalesce(max(seq), 0) FROM events.event),
                       (SELECT min(seq) FROM events.processor_offset)""")) {
            rs.next();
            return rs.getLong(1) > 0 && rs.getLong(1) == rs.getLong(2);
        }
    }

    /** Live profiles (not merged away) that hold any of these identifier values. */
    private static long profilesHolding(Connection db, String... values) throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT count(DISTINCT coalesce(p.merged_into, p.id)) FROM customers.identity i
                JOIN customers.profile p ON p.id = i.profile_id WHERE i.value = ANY(?)""")) {
            query.setArray(1, db.createArrayOf("text", values));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The profile activity processor's count of the person's events, on the profile that holds her user id. */
    private static long countedEvents(Connection db, String userId) throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT coalesce(sum(a.events), 0) FROM customers.channel_activity a
                JOIN customers.identity i ON i.profile_id = a.profile_id
                WHERE i.type = 'user_id' AND i.value = ? AND a.channel <> 'platform'""")) {
            query.setString(1, userId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long mergesOfTheSamePairTwice(Connection db) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT count(*) FROM (SELECT merged_id FROM customers.merge GROUP BY merged_id HAVING count(*) > 1) m""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double processorLag(ConfigurableApplicationContext node) {
        var gauges = node.getBean(MeterRegistry.class).find("throughline.events.processor.lag").gauges();
        assertThat(gauges).as("a lag gauge per processor").hasSizeGreaterThanOrEqualTo(4);
        return gauges.stream().mapToDouble(Gauge::value).max().orElseThrow();
    }
}
