package io.throughline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples where the time goes while load runs: one platform thread's stack through {@code jcmd Thread.print}
 * (which part of the code it is in, and whether it waits for PostgreSQL), and PostgreSQL's own sessions
 * through {@code pg_stat_activity} (running, waiting on WAL flush, locks, I/O). Sampling, not tracing: the
 * shares are estimates, good to a few percent after a few dozen samples.
 */
final class LoadSampler implements AutoCloseable {

    private static final Duration SESSION_INTERVAL = Duration.ofMillis(250);
    private static final Pattern THREAD_CPU = Pattern.compile(" cpu=([0-9.]+)ms ");
    private static final Pattern APP_FRAME = Pattern.compile("\\tat io\\.throughline\\.[\\w.]*?\\.(\\w+)\\.([\\w$]+)\\(");

    /** Which thread of which JVM to sample with {@code jcmd}, and how often. */
    record ThreadTarget(Path jcmd, long pid, String threadName, Duration interval) {}

    private final ThreadTarget target;
    private final Connection database;
    private final Map<String, Integer> stackLabels = new HashMap<>();
    private final Map<String, Integer> sessionLabels = new HashMap<>();
    private final List<Double> threadCpuMillis = new ArrayList<>();
    private final List<Long> threadCpuAt = new ArrayList<>();
    private final Thread stacks;
    private final Thread sessions;
    private volatile boolean running = true;
    private int stackSamples;
    private int sessionSamples;

    private LoadSampler(ThreadTarget target, Connection database) {
        this.target = target;
        this.database = database;
        this.stacks = Thread.ofPlatform().daemon().name("sampler-stacks").unstarted(this::sampleStacks);
        this.sessions = Thread.ofPlatform().daemon().name("sampler-sessions").unstarted(this::sampleSessions);
    }

    /** Samples the database's sessions, and the target thread unless it is null; until closed. */
    static LoadSampler start(Connection database, ThreadTarget target) {
        LoadSampler sampler = new LoadSampler(target, database);
        if (target != null) {
            sampler.stacks.start();
        }
        sampler.sessions.start();
        return sampler;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread sampling : List.of(stacks, sessions)) {
            if (sampling.isAlive()) {
                sampling.interrupt();
                sampling.join();
            }
        }
    }

    /** The sampled thread's states, most frequent first, as shares of its samples. */
    synchronized List<String> threadReport() {
        List<String> lines = new ArrayList<>(shares(stackLabels, stackSamples, "of " + stackSamples + " stack samples"));
        if (threadCpuMillis.size() >= 2) {
            double cpu = threadCpuMillis.getLast() - threadCpuMillis.getFirst();
            double wall = (threadCpuAt.getLast() - threadCpuAt.getFirst()) / 1e6;
            lines.add("on CPU %.0f %% of the time between the first and last sample (its own cpu= counter)"
                    .formatted(100 * cpu / wall));
        }
        return lines;
    }

    /** PostgreSQL's busy sessions: average number per sample in each state ("average active sessions"). */
    synchronized List<String> sessionReport() {
        List<String> lines = new ArrayList<>();
        sessionLabels.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(14)
                .forEach(entry -> lines.add("%5.2f  %s".formatted((double) entry.getValue() / Math.max(1, sessionSamples),
                        entry.getKey())));
        lines.add("(" + sessionSamples + " samples of pg_stat_activity every " + SESSION_INTERVAL.toMillis() + " ms)");
        return lines;
    }

    private void sampleStacks() {
        while (running) {
            try {
                String dump = threadDump();
                recordStack(dump);
                Thread.sleep(target.interval());
            } catch (InterruptedException stopped) {
                return;
            } catch (IOException | RuntimeException e) {
                Report.println("bench: a thread dump failed: " + e.getMessage());
                return;
            }
        }
    }

    private String threadDump() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(target.jcmd().toString(), Long.toString(target.pid()), "Thread.print")
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
        return new String(output, StandardCharsets.UTF_8);
    }

    private synchronized void recordStack(String dump) {
        int start = dump.indexOf("\n\"" + target.threadName() + "\"");
        if (start < 0) {
            return;
        }
        int end = dump.indexOf("\n\n", start + 1);
        String stack = dump.substring(start + 1, end < 0 ? dump.length() : end);
        Matcher cpu = THREAD_CPU.matcher(stack.lines().findFirst().orElse(""));
        if (cpu.find()) {
            threadCpuMillis.add(Double.parseDouble(cpu.group(1)));
            threadCpuAt.add(System.nanoTime());
        }
        stackLabels.merge(classify(stack), 1, Integer::sum);
        stackSamples++;
    }

    /**
     * Names the innermost platform method on the stack and whether the thread is waiting for a PostgreSQL
     * answer (blocked in a socket read under the driver), committing, or running in the JVM.
     */
    static String classify(String stack) {
        Matcher frame = APP_FRAME.matcher(stack);
        if (!frame.find()) {
            return "outside platform code";
        }
        String method = frame.group(1) + "." + frame.group(2).replaceAll("^lambda\\$(\\w+)\\$\\d+$", "$1");
        String above = stack.substring(0, frame.start());
        if (above.contains("LinkedBlockingQueue.poll")) {
            return method + ": waiting for requests";
        }
        boolean inDriver = above.contains("org.postgresql.");
        boolean reading = above.contains("SocketDispatcher.read") || above.contains("NioSocketImpl")
                || above.contains("Net.poll") || above.contains("SocketInputStream.read");
        String where = above.contains("doCommit") ? "commit" : method;
        if (inDriver && reading) {
            return where + ": waiting for PostgreSQL";
        }
        return where + (inDriver ? ": in the JDBC driver" : ": in the JVM");
    }

    private void sampleSessions() {
        while (running) {
            try {
                recordSessions();
                Thread.sleep(SESSION_INTERVAL);
            } catch (InterruptedException stopped) {
                return;
            } catch (SQLException e) {
                if (running) {
                    Report.println("bench: sampling pg_stat_activity failed: " + e.getMessage());
                }
                return;
            }
        }
    }

    private void recordSessions() throws SQLException {
        List<String> labels = new ArrayList<>();
        try (Statement statement = database.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT backend_type, state, wait_event_type, wait_event, query FROM pg_stat_activity
                WHERE pid <> pg_backend_pid()""")) {
            while (rs.next()) {
                String label = sessionLabel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5));
                if (label != null) {
                    labels.add(label);
                }
            }
        }
        synchronized (this) {
            labels.forEach(label -> sessionLabels.merge(label, 1, Integer::sum));
            sessionSamples++;
        }
    }

    /** Null for a session that is idle, i.e. not working for anyone at this moment. */
    static String sessionLabel(String backendType, String state, String waitType, String waitEvent, String query) {
        String waiting = waitType == null ? "on CPU" : "waiting " + waitType + "/" + waitEvent;
        if (!"client backend".equals(backendType)) {
            // Background processes sit in their main loop (wait type Activity) when they have nothing to do.
            return "Activity".equals(waitType) ? null : backendType + " " + waiting;
        }
        if (state == null || state.equals("idle")) {
            return null;
        }
        if (state.startsWith("idle in transaction")) {
            // The platform holds the transaction open while it works in the JVM; the last statement tells whose it is.
            return "client idle in transaction, after: " + statement(query);
        }
        return "client " + waiting + ": " + statement(query);
    }

    private static String statement(String query) {
        String flat = query == null ? "" : query.replaceAll("\\s+", " ").strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }

    private static List<String> shares(Map<String, Integer> counts, int total, String of) {
        List<String> lines = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> lines.add("%4.0f %%  %s".formatted(100.0 * entry.getValue() / Math.max(1, total),
                        entry.getKey())));
        lines.add("(" + of + ")");
        return lines;
    }
}
