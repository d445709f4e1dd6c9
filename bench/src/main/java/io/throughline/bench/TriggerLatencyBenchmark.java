package io.throughline.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From an event's acknowledgement to its message at the channel adapter: a journey whose first step sends an
 * email is triggered by "Bench Trigger" events, one customer each, while a background client ingests other
 * events at a steady rate. The moment of the 200 of {@code /v1/track} is taken in this process; the moment the
 * adapter handed the email over is the local sink's row, written by the adapter ({@code
 * messaging.sink_message.created_at}). Both clocks are this machine's.
 */
public final class TriggerLatencyBenchmark {

    private static final String NAME = "trigger-latency";
    private static final String PROPERTY = "throughline.bench.trigger-latency.";

    record Settings(BenchEnvironment bench, int triggers, int warmup, int triggersPerSecond,
            int backgroundEventsPerSecond) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "triggers", 500),
                    BenchProperties.intCount(PROPERTY + "warmup", 50),
                    BenchProperties.intCount(PROPERTY + "triggers-per-second", 20),
                    BenchProperties.intCount(PROPERTY + "background-events-per-second", 1000));
        }
    }

    private TriggerLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: %d triggers (%d warm-up) at %d/s, background %d events/s; machine %d cores,"
                        + " load average %s%n", NAME, settings.triggers(), settings.warmup(),
                settings.triggersPerSecond(), settings.backgroundEventsPerSecond(), Machine.cores(),
                Machine.loadAverage());
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME);
                Connection db = Postgres.connect(platform.postgresPort())) {
            AdminApi admin = platform.admin();
            admin.patch("/api/messaging/settings", "{\"control-group-percent\":\"0\"}");
            send(platform, admin.request("/api/messaging/messages"), """
                    {"name": "Bench welcome", "purpose": "transactional", "variants": [
                      {"channel": "email", "subject": "Welcome", "html": "<p>Hello</p>", "text": "Hello"}]}""");
            send(platform, admin.request("/api/journeys"), """
                    {"key": "bench-welcome", "name": "Bench welcome", "reentry": "always",
                     "trigger": {"event": "Bench Trigger"}, "start": "welcome",
                     "steps": {"welcome": {"type": "send", "message": "Bench welcome", "channel": "email",
                                           "next": "done"},
                               "done": {"type": "exit"}}}""");
            send(platform, admin.request("/api/journeys/bench-welcome/activate"), "");

            int customers = settings.triggers() + settings.warmup();
            String run = Long.toString(System.nanoTime(), 36);
            List<String> users = new ArrayList<>();
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < customers; i++) {
                String user = "bench-trigger-" + run + "-" + i;
                users.add(user);
                batch.append(batch.isEmpty() ? "" : ",").append("{\"type\":\"identify\",\"userId\":\"").append(user)
                        .append("\",\"traits\":{\"email\":\"").append(user).append("@example.com\"}}");
                if ((i + 1) % 100 == 0 || i == customers - 1) {
                    collect(platform, "/v1/batch", "{\"batch\":[" + batch + "]}");
                    batch.setLength(0);
                }
            }
            awaitProfiles(db, "bench-trigger-" + run + "-%", customers);

            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicLong backgroundEvents = new AtomicLong();
            CpuTimes before = CpuTimes.now(platform.process());
            long backgroundStarted = System.nanoTime();
            Thread background = Thread.ofPlatform().start(() -> background(platform, settings, loading,
                    backgroundEvents));
            Map<String, Instant> acknowledged = new HashMap<>();
            long interval = 1_000_000_000L / settings.triggersPerSecond();
            long next = System.nanoTime();
            for (String user : users) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += interval;
                int status = collect(platform, "/v1/track",
                        "{\"userId\":\"" + user + "\",\"event\":\"Bench Trigger\"}");
                Instant ack = Instant.now();
                if (status == 200) {
                    acknowledged.put(user, ack);
                }
            }
            Map<String, Instant> handedOver = awaitSinks(db, "bench-trigger-" + run + "-%", acknowledged.size());
            loading.set(false);
            background.join();
            double backgroundRate = backgroundEvents.get() / ((System.nanoTime() - backgroundStarted) / 1e9);
            // An operation is an acknowledged event, a trigger or a background one: the journey's send and the
            // background's processing both land in this window.
            CpuTimes.PerOperation perEvent = CpuTimes.now(platform.process())
                    .perOperation(before, backgroundEvents.get() + acknowledged.size());

            Latencies latencies = new Latencies();
            int negative = 0;
            for (int i = settings.warmup(); i < users.size(); i++) {
                Instant ack = acknowledged.get(users.get(i));
                Instant sink = handedOver.get(users.get(i));
                if (ack == null || sink == null) {
                    continue;
                }
                long nanos = Duration.between(ack, sink).toNanos();
                if (nanos < 0) {
                    negative++;
                }
                latencies.add(Math.max(0, nanos));
            }
            Latencies merged = Latencies.merge(List.of(latencies));
            Report.printf("%s: %d of %d measured triggers reached the adapter; %s; %d handed over before this"
                            + " process had read the 200 (counted as 0 ms)%n", NAME, merged.size(),
                    settings.triggers(), merged.summary(), negative);
            Report.printf("%s: CPU per acknowledged event (triggers and background): %s; load average %s%n", NAME,
                    perEvent.describe("event"), Machine.loadAverage());
            if (merged.size() < settings.triggers()) {
                throw new IllegalStateException((settings.triggers() - merged.size())
                        + " measured triggers never reached the adapter");
            }
            Report.printf(Locale.ROOT, "%s: p50_ms=%.1f p99_ms=%.1f background_events_per_s=%.0f server_cpu_ms_per_op=%.3f%n",
                    NAME, merged.percentileMillis(50), merged.percentileMillis(99), backgroundRate,
                    perEvent.serverMillis());
        }
    }

    /** Batches of 50 "Page Viewed" events of anonymous visitors, paced to the rate. */
    private static void background(FreshPlatform platform, Settings settings, AtomicBoolean loading,
            AtomicLong events) {
        int perBatch = 50;
        long interval = 1_000_000_000L * perBatch / settings.backgroundEventsPerSecond();
        long next = System.nanoTime();
        long sequence = 0;
        while (loading.get()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
            next += interval;
            StringBuilder batch = new StringBuilder("{\"batch\":[");
            for (int i = 0; i < perBatch; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"anonymousId\":\"visitor-")
                        .append(sequence++ % 5000).append("\",\"event\":\"Page Viewed\"}");
            }
            batch.append("]}");
            try {
                if (collect(platform, "/v1/batch", batch.toString()) == 200) {
                    events.addAndGet(perBatch);
                }
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    private static int collect(FreshPlatform platform, String path, String body) throws InterruptedException {
        String basic = Base64.getEncoder().encodeToString((FreshPlatform.WRITE_KEY + ":")
                .getBytes(StandardCharsets.UTF_8));
        try {
            return platform.http().send(HttpRequest.newBuilder(platform.process().uri(path))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException transport) {
            return Tally.TRANSPORT_ERROR;
        }
    }

    private static void send(FreshPlatform platform, HttpRequest.Builder request, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = platform.http().send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
    }

    private static void awaitProfiles(Connection db, String users, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(db, "SELECT count(*) FROM customers.identity WHERE type = 'user_id' AND value LIKE ?", users)
                < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark's customers were not all resolved within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** When the adapter handed each user's email to the local sink. */
    private static Map<String, Instant> awaitSinks(Connection db, String users, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String sql = """
                SELECT i.value, s.created_at FROM messaging.sink_message s
                JOIN messaging.delivery d ON d.id = s.delivery_id
                JOIN customers.identity i ON i.profile_id = d.profile_id AND i.type = 'user_id'
                WHERE i.value LIKE ?""";
        while (true) {
            Map<String, Instant> found = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement(sql)) {
                query.setString(1, users);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }
                }
            }
            if (found.size() >= expected || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
