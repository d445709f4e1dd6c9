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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform jar running as a child process in its own working directory, its output in a log file there:
 * started, awaited until ready, stopped gracefully, or killed with its embedded PostgreSQL.
 */
final class PlatformProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 40;
    /** zonky's own line, e.g. "postmaster started as Process[pid=1, …] on port 43477." */
    private static final Pattern POSTGRES_PORT = Pattern.compile("postmaster started as .* on port (\\d+)");
    private static final Set<PlatformProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // An interrupted benchmark must not leave a platform, or the PostgreSQL it started, running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(PlatformProcess::close)));
    }

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final int port;
    private final long startedNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private PlatformProcess(Process process, Path workDir, Path log, int port, long startedNanos) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code java -jar} on a free port in {@code workDir}; {@code environment} adds to (and overrides)
     * the inherited environment.
     */
    static PlatformProcess start(BenchEnvironment bench, Path workDir, String logName, Map<String, String> environment)
            throws IOException {
        int port = freePort();
        Path log = workDir.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(
                bench.java().toString(), "-jar", bench.appJar().toString(), "--server.port=" + port)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A set password keeps the first-start path free of the generated-password banner.
        builder.environment().put("THROUGHLINE_ADMIN_PASSWORD", "bench-admin-password-0123");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        PlatformProcess platform = new PlatformProcess(builder.start(), workDir, log, port, started);
        LIVE.add(platform);
        return platform;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path log() {
        return log;
    }

    /**
     * The embedded PostgreSQL's postmaster, from its pid file: zonky starts it through {@code pg_ctl}, so it is
     * not a descendant of the platform's JVM.
     */
    Optional<ProcessHandle> postmaster() {
        return postmaster(workDir);
    }

    private static Optional<ProcessHandle> postmaster(Path workDir) {
        Path pidFile = workDir.resolve("data/pg/postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            // The pid file may be stale and its pid reused, so only a postgres process counts.
            return ProcessHandle.of(pid)
                    .filter(handle -> handle.info().command().filter(command -> command.endsWith("/postgres")).isPresent());
        } catch (IOException | RuntimeException e) {
            Report.println("bench: could not read " + pidFile + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits for the first 200 from the readiness probe; returns milliseconds since the process started. */
    long awaitReady(Duration timeout) throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                .timeout(Duration.ofMillis(500))
                .GET()
                .build();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers200(probe)) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            }
            if (!process.isAlive()) {
                throw failure("platform exited with code " + process.exitValue() + " before it was ready");
            }
            Thread.sleep(POLL_INTERVAL);
        }
        throw failure("platform not ready on port " + port + " within " + timeout.toSeconds() + " s");
    }

    private boolean answers200(HttpRequest probe) throws InterruptedException {
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** The port of the embedded PostgreSQL, as zonky logs it at start. */
    int postgresPort() {
        return firstLogLine(line -> POSTGRES_PORT.matcher(line).find())
                .map(line -> {
                    Matcher matcher = POSTGRES_PORT.matcher(line);
                    matcher.find();
                    return Integer.parseInt(matcher.group(1));
                })
                .orElseThrow(() -> failure("no embedded PostgreSQL port in the log (is an external database configured?)"));
    }

    Optional<String> firstLogLine(Predicate<String> wanted) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(wanted).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Stops gracefully (SIGTERM), so the embedded PostgreSQL shuts down cleanly; returns milliseconds taken. */
    long stop() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            Report.println("bench: graceful stop took over " + STOP_TIMEOUT.toSeconds() + " s, killing");
            killTree(process);
        }
        LIVE.remove(this);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Kills the platform if it still runs, and the postmaster it may leave behind (zonky starts it with pg_ctl). */
    @Override
    public void close() {
        if (process.isAlive()) {
            killTree(process);
        }
        LIVE.remove(this);
        stopOrphanedPostmaster(workDir);
    }

    IllegalStateException failure(String message) {
        return new IllegalStateException(message + "; last lines of " + log + ":\n" + String.join("\n", tail()));
    }

    private List<String> tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
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

    /** A platform that crashed leaves its postmaster behind, still writing into the directory we delete. */
    static void stopOrphanedPostmaster(Path workDir) {
        postmaster(workDir).ifPresent(postmaster -> {
            Report.println("bench: stopping orphaned postmaster " + postmaster.pid());
            postmaster.destroy();
            postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
