package io.throughline.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A platform for one load benchmark: a private jar copy, an empty working directory, durable defaults, the
 * demo brand without its event history, and bootstrap credentials (the web source's write key, an admin
 * API token). Closing stops it gracefully and deletes the directory.
 */
final class FreshPlatform implements AutoCloseable {

    static final String WRITE_KEY = "bench-write-key-0123456789";
    static final String API_TOKEN = "bench-api-token-0123456789abcdef";
    /** On a machine shared with other builds a start can take longer: {@code -Dthroughline.bench.ready-seconds}. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("throughline.bench.ready-seconds",
            180));

    private final Path jarCopy;
    private final Path workDir;
    private final PlatformProcess process;
    private final HttpClient http;
    private final AdminApi admin;

    private FreshPlatform(Path jarCopy, Path workDir, PlatformProcess process, HttpClient http) {
        this.jarCopy = jarCopy;
        this.workDir = workDir;
        this.process = process;
        this.http = http;
        this.admin = new AdminApi(http, process, API_TOKEN);
    }

    static FreshPlatform start(BenchEnvironment bench, String benchmark) throws IOException, InterruptedException {
        return start(bench, benchmark, Map.of());
    }

    /** With {@code settings} added to the platform's environment, e.g. a switch only one benchmark needs. */
    static FreshPlatform start(BenchEnvironment bench, String benchmark, Map<String, String> settings)
            throws IOException, InterruptedException {
        Path jarCopy = BenchFiles.snapshot(bench.appJar());
        Path workDir = Files.createTempDirectory("throughline-" + benchmark + "-");
        Map<String, String> environment = new HashMap<>(Map.of(
                "THROUGHLINE_BOOTSTRAP_WRITE_KEY", WRITE_KEY,
                "THROUGHLINE_BOOTSTRAP_API_TOKEN", API_TOKEN,
                // The demo customers stay; their generated history would only add unrelated rows.
                "THROUGHLINE_DEMO_HISTORY", "false"));
        environment.putAll(settings);
        PlatformProcess process = PlatformProcess.start(bench.withAppJar(jarCopy), workDir, "platform.log", environment);
        // HTTP/1.1 as Segment's SDKs speak it; no h2c upgrade dance on every new connection.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        FreshPlatform platform = new FreshPlatform(jarCopy, workDir, process, http);
        try {
            long readyMillis = process.awaitReady(READY_TIMEOUT);
            Report.printf("%s: platform ready in %d ms on port %d (pid %d), embedded PostgreSQL on port %d, log %s%n",
                    benchmark, readyMillis, process.port(), process.pid(), process.postgresPort(), process.log());
            return platform;
        } catch (RuntimeException | InterruptedException e) {
            platform.close();
            throw e;
        }
    }

    PlatformProcess process() {
        return process;
    }

    HttpClient http() {
        return http;
    }

    AdminApi admin() {
        return admin;
    }

    int postgresPort() {
        return process.postgresPort();
    }

    @Override
    public void close() {
        try {
            process.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.close();
            if (Boolean.getBoolean("throughline.bench.keep")) {
                Report.println("bench: kept " + workDir);
            } else {
                BenchFiles.deleteQuietly(workDir);
            }
            BenchFiles.deleteQuietly(jarCopy.getParent());
        }
    }
}
