package io.throughline.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The platform running as a child process of a test on its own data directory and ports, so that it can be killed
 * with SIGKILL, its embedded PostgreSQL with it, and restarted on the same data. Close it after the test: that stops
 * the process and deletes the data.
 */
public final class KillablePlatform implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path workDirectory;
    private final int httpPort;
    private final int postgresPort;
    private List<String> arguments;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private Process process;

    /** One client of a load: its number, and whether the platform is still up (false once it was killed). */
    @FunctionalInterface
    public interface Client {
        void run(int number, BooleanSupplier platformUp);
    }

    private KillablePlatform(Path workDirectory, int httpPort, int postgresPort, List<String> arguments)
            throws IOException {
        this.workDirectory = workDirectory;
        this.httpPort = httpPort;
        this.postgresPort = postgresPort;
        this.arguments = arguments;
        this.process = launch();
        try {
            awaitReady();
        } catch (RuntimeException neverReady) {
            close();
            throw neverReady;
        }
    }

    /**
     * Starts a small demo brand (five customers, no history) in a fresh data directory and waits until it is
     * ready; {@code arguments} add Spring properties such as {@code --throughline.bootstrap-api-token=…}.
     */
    public static KillablePlatform start(String... arguments) throws IOException {
        return new KillablePlatform(Files.createTempDirectory("throughline-kill"), freePort(), freePort(),
                List.of(arguments));
    }

    public int port() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Api api(String token) {
        return Api.at(httpPort).withToken(token);
    }

    /** A direct connection to the platform's PostgreSQL, for checking what survived. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "");
    }

    /** Starts {@code count} client threads that load the platform until it is killed. */
    public void load(int count, Client client) {
        for (int number = 0; number < count; number++) {
            int id = number;
            clients.add(Thread.ofPlatform().start(() -> client.run(id, up::get)));
        }
    }

    /**
     * Kills the platform and its PostgreSQL postmaster with SIGKILL, as a power cut would, waits for both to go,
     * and then for the clients of its load to stop.
     */
    public void killWithDatabase() throws IOException, InterruptedException {
        process.destroyForcibly().waitFor();
        Path pidFile = workDirectory.resolve("data/pg/postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        new ProcessBuilder("kill", "-9", Long.toString(postmaster)).start().waitFor();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(postmaster).map(handle -> !handle.isAlive()).orElse(true));
        up.set(false);
        for (Thread client : clients) {
            client.join();
        }
        clients.clear();
    }

    /** Starts the platform again on the same data directory and ports and waits until it is ready. */
    public void restart() throws IOException {
        up.set(true);
        process = launch();
        awaitReady();
    }

    /** Starts the platform again, with {@code arguments} instead of those it was started with. */
    public void restart(String... arguments) throws IOException {
        this.arguments = List.of(arguments);
        restart();
    }

    @Override
    public void close() {
        up.set(false);
        process.destroy();
        process.onExit().join();
        try (var files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException leftBehind) {
            throw new UncheckedIOException(leftBehind);
        }
    }

    private Process launch() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.throughline.ThroughlineApplication", "--server.port=" + httpPort,
                "--throughline.embedded-postgres.port=" + postgresPort,
                "--throughline.embedded-postgres.data-directory=" + workDirectory.resolve("data/pg"),
                "--throughline.demo.customers=5", "--throughline.demo.history=false",
                "--throughline.admin-password=kill-test-password",
                "--logging.level.root=WARN"));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDirectory.resolve("platform.log").toFile()))
                .start();
    }

    private void awaitReady() {
        await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException noPort) {
            throw new UncheckedIOException(noPort);
        }
    }
}
