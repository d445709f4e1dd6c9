package io.throughline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures milliseconds from launching the platform jar to its first 200 on
 * {@code /actuator/health/readiness}, cold (empty data directory) and warm (same directory again).
 */
public final class StartupBenchmark {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** What to launch and how often. */
    record Settings(BenchEnvironment bench, int coldRuns, int warmRunsPerCold) {

        static Settings fromSystemProperties() {
            return new Settings(BenchEnvironment.fromSystemProperties("startup"),
                    BenchProperties.intCount("throughline.bench.startup.cold-runs", 2),
                    BenchProperties.intCount("throughline.bench.startup.warm-runs", 3));
        }

        Settings withAppJar(Path jar) {
            return new Settings(bench.withAppJar(jar), coldRuns, warmRunsPerCold);
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
        Report.printf("startup: process_start_to_ready = ms from ProcessBuilder.start() of `java -jar %s`"
                        + " to the first 200 from /actuator/health/readiness (polled every 20 ms);"
                        + " cold = empty data directory (initdb, migrations, demo data), warm = same directory again%n",
                settings.bench().appJar().getFileName());
        Report.printf("startup: %d cold run(s), %d warm run(s) after each, child JVM %s%n",
                settings.coldRuns(), settings.warmRunsPerCold(), settings.bench().java());

        List<Run> runs;
        try {
            runs = runOnSnapshot(settings);
        } catch (IllegalStateException | IOException e) {
            fail(e);
            return;
        }

        long cold = median(runs, Kind.COLD);
        long warm = median(runs, Kind.WARM);
        Report.printf("startup: median cold %d ms over %d, median warm %d ms over %d%n",
                cold, count(runs, Kind.COLD), warm, count(runs, Kind.WARM));
        Report.printf("startup: cold_ms=%d warm_ms=%d%n", cold, warm);
    }

    private static void fail(Exception e) {
        Report.failure("startup: FAILED: " + e.getMessage());
        System.exit(1);
    }

    private static List<Run> runOnSnapshot(Settings settings) throws IOException, InterruptedException {
        Path jarCopy = BenchFiles.snapshot(settings.bench().appJar());
        try {
            return new StartupBenchmark(settings.withAppJar(jarCopy)).runAll();
        } finally {
            BenchFiles.deleteQuietly(jarCopy.getParent());
        }
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
                PlatformProcess.stopOrphanedPostmaster(workDir);
                BenchFiles.deleteQuietly(workDir);
            }
        }
        return runs;
    }

    private Run measure(Kind kind, int number, Path workDir) throws IOException, InterruptedException {
        String logName = "%s-%d.log".formatted(kind.name().toLowerCase(), number);
        try (PlatformProcess platform = PlatformProcess.start(settings.bench(), workDir, logName, Map.of())) {
            long readyMillis = platform.awaitReady(READY_TIMEOUT);
            long stopMillis = platform.stop();
            return new Run(kind, number, readyMillis, stopMillis, springStartedLine(platform));
        }
    }

    private static Optional<String> springStartedLine(PlatformProcess platform) {
        return platform.firstLogLine(line -> line.contains("Started ") && line.contains(" seconds (process running for "))
                .map(line -> line.substring(line.indexOf("Started ")));
    }

    private static Run print(Run run) {
        Report.println("startup: " + run.summary());
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
}
