package io.throughline.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service inbox under load. First, customers' emails posted to the signed raw-MIME webhook by concurrent
 * clients, each timed from the post to its answer, which comes once the message is logged, stored on her case
 * and signalled to the agents' open screens (the message in, on the agent's thread). Then the report over a
 * year, read from daily totals seeded for a contact centre of many agents (a year of 200 agents on 8 media), each
 * request timed. Each phase reports {@code server_cpu_ms_per_op}: platform and PostgreSQL CPU per operation.
 */
public final class ServiceBenchmark {

    private static final String NAME = "service";
    private static final String PROPERTY = "throughline.bench.service.";
    private static final String SECRET = "bench-inbound-email-secret";

    record Settings(BenchEnvironment bench, int messages, int senders, int clients, int agents, int days,
            int reports) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties(NAME),
                    BenchProperties.intCount(PROPERTY + "messages", 2_000),
                    BenchProperties.intCount(PROPERTY + "senders", 500),
                    BenchProperties.intCount(PROPERTY + "clients", 8),
                    BenchProperties.intCount(PROPERTY + "agents", 200),
                    BenchProperties.intCount(PROPERTY + "days", 365),
                    BenchProperties.intCount(PROPERTY + "reports", 200));
        }
    }

    private ServiceBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchMain.runOrFail(NAME, () -> run(Settings.fromSystemProperties()));
    }

    private static void run(Settings settings) throws Exception {
        Report.printf("%s: %d emails from %d senders on %d clients; report over %d days of %d agents; machine %d "
                        + "cores, load average %s%n", NAME, settings.messages(), settings.senders(), settings.clients(),
                settings.days(), settings.agents(), Machine.cores(), Machine.loadAverage());
        try (FreshPlatform platform = FreshPlatform.start(settings.bench(), NAME);
                Connection sampling = Postgres.connect(platform.postgresPort())) {
            Report.println(NAME + ": PostgreSQL " + Postgres.requireDurable(sampling));
            put(platform, "/api/service/settings", "{\"inbound-email-secret\":\"" + SECRET + "\"}");
            inbound(platform, settings);
            reports(platform, sampling, settings);
        }
    }

    private static void inbound(FreshPlatform platform, Settings settings) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A few warm-up messages, so the measured ones do not pay for the first use of each path.
        for (int i = 0; i < 20; i++) {
            post(platform, mail("warm-" + run + "-" + i, "<warm-" + run + "-" + i + "@bench>", "Warming up"));
        }
        AtomicInteger next = new AtomicInteger();
        CpuTimes before = CpuTimes.now(platform.process());
        Clients.Totals totals = Clients.run(settings.clients(), tally -> {
            for (int i = next.getAndIncrement(); i < settings.messages(); i = next.getAndIncrement()) {
                String raw = mail("customer-" + run + "-" + (i % settings.senders()),
                        "<m-" + run + "-" + i + "@bench>", "Where is my order? Message " + i);
                long started = System.nanoTime();
                int status = post(platform, raw);
                if (status == 202) {
                    tally.succeeded(System.nanoTime() - started, 1);
                } else {
                    tally.unexpected(status);
                }
            }
        });
        CpuTimes.PerOperation cpu = CpuTimes.now(platform.process()).perOperation(before, totals.operations());
        Report.printf("%s: inbound %s; %.0f messages/s; unexpected %s; %s%n", NAME, totals.latencies().summary(),
                totals.operationsPerSecond(), totals.unexpectedSummary(), cpu.describe("message"));
        if (totals.unexpectedTotal() > 0) {
            throw new IllegalStateException("some messages were not stored: " + totals.unexpectedSummary());
        }
        Report.printf(Locale.ROOT, "%s: inbound_p50_ms=%.1f inbound_p99_ms=%.1f server_cpu_ms_per_op=%.3f%n", NAME,
                totals.latencies().percentileMillis(50), totals.latencies().percentileMillis(99), cpu.serverMillis());
    }

    private static void reports(FreshPlatform platform, Connection sampling, Settings settings) throws Exception {
        long started = System.nanoTime();
        // A year of totals for every agent and medium, as a contact centre of that size leaves them.
        Postgres.execute(sampling, """
                INSERT INTO service.report_day (day, medium, agent_id, resolved, first_responses,
                    first_response_seconds, handling_seconds, sla_decided, sla_met, csat_answers, csat_sum)
                SELECT current_date - d, m, ('00000000-0000-0000-0000-' || lpad(a::text, 12, '0'))::uuid,
                    14, 13, 13 * 900, 14 * 5400, 14, 12, 4, 17
                FROM generate_series(0, %d) d,
                     unnest(ARRAY['CHAT','EMAIL','PHONE','SMS','WHATSAPP','MESSENGER','INSTAGRAM','STORE']) m,
                     generate_series(1, %d) a
                ON CONFLICT DO NOTHING""".formatted(settings.days() - 1, settings.agents()));
        long rows = Postgres.number(sampling, "SELECT count(*) FROM service.report_day");
        long resolved = Postgres.number(sampling, "SELECT sum(resolved) FROM service.report_day");
        Report.printf("%s: seeded %d daily totals (%d resolved cases) in %.1f s%n", NAME, rows, resolved,
                (System.nanoTime() - started) / 1e9);
        LocalDate today = LocalDate.now();
        String path = "/api/service/reports?from=" + today.minusDays(settings.days() - 1L) + "&to=" + today;
        for (int i = 0; i < 5; i++) {
            report(platform, path);
        }
        Latencies latencies = new Latencies();
        CpuTimes before = CpuTimes.now(platform.process());
        for (int i = 0; i < settings.reports(); i++) {
            long t0 = System.nanoTime();
            report(platform, path);
            latencies.add(System.nanoTime() - t0);
        }
        CpuTimes.PerOperation cpu = CpuTimes.now(platform.process()).perOperation(before, settings.reports());
        latencies = Latencies.merge(java.util.List.of(latencies));
        Report.printf("%s: report %s; %s%n", NAME, latencies.summary(), cpu.describe("report"));
        Report.printf(Locale.ROOT, "%s: report_p50_ms=%.1f report_p99_ms=%.1f server_cpu_ms_per_op=%.3f%n", NAME,
                latencies.percentileMillis(50), latencies.percentileMillis(99), cpu.serverMillis());
    }

    private static void report(FreshPlatform platform, String path) throws Exception {
        HttpResponse<String> answer = platform.http().send(platform.admin().request(path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("\"agents\"")) {
            throw new IllegalStateException("the report answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static void put(FreshPlatform platform, String path, String json) throws Exception {
        HttpResponse<String> answer = platform.http().send(platform.admin().request(path)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static int post(FreshPlatform platform, String raw) throws Exception {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(platform.process().uri("/m/service/email"))
                .header("Content-Type", "message/rfc822")
                .header("X-Throughline-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return platform.http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String mail(String sender, String messageId, String text) {
        return "From: Customer <" + sender + "@example.com>\r\nTo: help@tokaj-cellars.example\r\n"
                + "Subject: My order\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n";
    }
}
