package io.throughline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures milliseconds from launching the platform jar to its first 200 on
 * {@code /actuator/health/readiness}, cold (empty data directory) and warm (same directory again).
 */
public final class StartupBenchmark {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 40;

    /** What to launch and how often. */
    record Settings(Path java, Path appJar, int coldRuns, int warmRunsPerCold) {

        static Settings fromSystemProperties() {
            Path java = Path.of(required("throughline.bench.java"));
            Path appJar = Path.of(required("throughline.bench.app-jar")).toAbsolutePath();
            if (!Files.isRegularFile(appJar)) {
                throw new IllegalStateException("platform jar not found: " + appJar);
            }
            return new Settings(java, appJar,
                    Integer.getInteger("throughline.bench.startup.cold-runs", 2),
                    Integer.getInteger("throughline.bench.startup.warm-runs", 3));
        }

        Settings withAppJar(Path jar) {
            return new Settings(java, jar, coldRuns, warmRunsPerCold);
        }

        private static String required(String property) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("system property " + property + " is not set (use bench/run startup)");
            }
            return value;
        }
    }

    enum Kind { COLD, WARM }

    /** One measured start; {@code springLine} is the app's own "Started ... in" log line, when found. */
    record Run(Kind kind, int number, long readyMillis, long stopMillis, Optional<String> springLine) {

        String summary() {
            return "%s #%d: process_start_to_ready=%d ms, graceful stop=%d ms%s".formatted(
                    kind.name().toLowerCase(), number, readyMillis, stopMillis,
                    springLine.map(line -> " | app: " + line).orElse(""));
        }
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(200))
            .build();
    private volatile Process current;

    StartupBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.fromSystemProperties();
        } catch (IllegalStateException e) {
            fail(e);
            return;
        }
        System.out.printf("startup: process_start_to_ready = ms from ProcessBuilder.start() of `java -jar %s`"
                        + " to the first 200 from /actuator/health/readiness (polled every %d ms);"
                        + " cold = empty data directory (initdb, migrations, demo data), warm = same directory again%n",
                settings.appJar().getFileName(), POLL_INTERVAL.toMillis());
        System.out.printf("startup: %d cold run(s), %d warm run(s) after each, child JVM %s%n",
                settings.coldRuns(), settings.warmRunsPerCold(), settings.java());

        List<Run> runs;
        try {
            runs = runOnSnapshot(settings);
        } catch (IllegalStateException | IOException e) {
            fail(e);
            return;
        }

        long cold = median(runs, Kind.COLD);
        long warm = median(runs, Kind.WARM);
        System.out.printf("startup: median cold %d ms over %d, median warm %d ms over %d%n",
                cold, count(runs, Kind.COLD), warm, count(runs, Kind.WARM));
        System.out.printf("startup: cold_ms=%d warm_ms=%d%n", cold, warm);
    }

    private static void fail(Exception e) {
        System.err.println("startup: FAILED: " + e.getMessage());
        System.exit(1);
    }

    private static List<Run> runOnSnapshot(Settings settings) throws IOException, InterruptedException {
        Path jarCopy = snapshot(settings.appJar());
        try {
            StartupBenchmark benchmark = new StartupBenchmark(settings.withAppJar(jarCopy));
            // An interrupted benchmark must not leave a platform (and its PostgreSQL) running.
            Runtime.getRuntime().addShutdownHook(new Thread(benchmark::killCurrent));
            return benchmark.runAll();
        } finally {
            deleteQuietly(jarCopy.getParent());
        }
    }

    /** Runs a private copy, because a concurrent {@code package} rewrites the jar under a running child and crashes it. */
    private static Path snapshot(Path appJar) throws IOException {
        Path dir = Files.createTempDirectory("throughline-startup-jar-");
        return Files.copy(appJar, dir.resolve(appJar.getFileName()));
    }

    List<Run> runAll() throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (int cold = 1; cold <= settings.coldRuns(); cold++) {
            Path workDir = Files.createTempDirectory("throughline-startup-");
            try {
                runs.add(print(measure(Kind.COLD, cold, workDir)));
                for (int warm = 1; warm <= settings.warmRunsPerCold(); warm++) {
                    int number = (cold - 1) * settings.warmRunsPerCold() + warm;
                    runs.add(print(measure(Kind.WARM, number, workDir)));
                }
            } finally {
                stopOrphanedPostmaster(workDir);
                deleteQuietly(workDir);
            }
        }
        return runs;
    }

    private Run measure(Kind kind, int number, Path workDir) throws IOException, InterruptedException {
        int port = freePort();
        Path log = workDir.resolve("%s-%d.log".formatted(kind.name().toLowerCase(), number));
        ProcessBuilder builder = new ProcessBuilder(
                settings.java().toString(), "-jar", settings.appJar().toString(), "--server.port=" + port)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A set password keeps the first-start path free of the generated-password banner.
        builder.environment().put("THROUGHLINE_ADMIN_PASSWORD", "bench-startup-password-0123");

        long started = System.nanoTime();
        Process process = builder.start();
        current = process;
        try {
            long readyMillis = awaitReady(process, port, started, log);
            long stopMillis = stop(process);
            return new Run(kind, number, readyMillis, stopMillis, springStartedLine(log));
        } catch (RuntimeException | InterruptedException e) {
            killTree(process);
            throw e;
        } finally {
            current = null;
        }
    }

    private long awaitReady(Process process, int port, long started, Path log) throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofMillis(500))
                .GET()
                .build();
        long deadline = started + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers200(probe)) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            if (!process.isAlive()) {
                throw failure("platform exited with code " + process.exitValue() + " before it was ready", log);
            }
            Thread.sleep(POLL_INTERVAL);
        }
        throw failure("platform not ready on port " + port + " within " + READY_TIMEOUT.toSeconds() + " s", log);
    }

    private boolean answers200(HttpRequest probe) throws InterruptedException {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** Stops gracefully (SIGTERM) so the embedded PostgreSQL shuts down cleanly before the warm start. */
    private long stop(Process process) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.println("startup: graceful stop took over " + STOP_TIMEOUT.toSeconds() + " s, killing");
            killTree(process);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private void killCurrent() {
        Process process = current;
        if (process != null) {
            killTree(process);
        }
    }

    private static void killTree(Process process) {
        // Descendants first: once the JVM is gone the postmaster is reparented and harder to find.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IllegalStateException failure(String message, Path log) {
        return new IllegalStateException(message + "; last lines of " + log + ":\n" + String.join("\n", tail(log)));
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    private static Optional<String> springStartedLine(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("Started ") && line.contains(" seconds (process running for "))
                    .map(line -> line.substring(line.indexOf("Started ")))
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Run print(Run run) {
        System.out.println("startup: " + run.summary());
        return run;
    }

    private static long count(List<Run> runs, Kind kind) {
        return runs.stream().filter(run -> run.kind() == kind).count();
    }

    static long median(List<Run> runs, Kind kind) {
        long[] sorted = runs.stream().filter(run -> run.kind() == kind).mapToLong(Run::readyMillis).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2.0);
    }

    /** A platform that crashed leaves its postmaster behind, still writing into the directory we delete. */
    private static void stopOrphanedPostmaster(Path workDir) {
        Path pidFile = workDir.resolve("data/pg/postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            // The pid file may be stale and its pid reused, so only a postgres process is stopped.
            ProcessHandle.of(pid)
                    .filter(handle -> handle.info().command().filter(command -> command.endsWith("/postgres")).isPresent())
                    .ifPresent(postmaster -> {
                        System.out.println("startup: stopping orphaned postmaster " + pid);
                        postmaster.destroy();
                        postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
                    });
        } catch (IOException | RuntimeException e) {
            System.out.println("startup: could not check " + pidFile + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp directory must not turn a finished measurement into a failure.
            System.out.println("startup: could not delete " + dir + ": " + e);
        }
    }
}
