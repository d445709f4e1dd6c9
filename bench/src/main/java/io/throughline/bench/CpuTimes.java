package io.throughline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** CPU time used so far by the platform JVM, its PostgreSQL processes, and this bench JVM (load generator or seeder). */
record CpuTimes(Duration platform, Duration postgres, Duration bench) {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every mainstream architecture. */
    private static final Duration CLOCK_TICK = Duration.ofMillis(10);

    /**
     * Now, for the platform's JVM and its PostgreSQL: the postmaster with the sessions it has already reaped
     * (a closed connection's backend), plus the processes still running under it.
     */
    static CpuTimes now(PlatformProcess platform) {
        Duration postgres = platform.postmaster()
                .map(postmaster -> postmaster.descendants().map(CpuTimes::cpu)
                        .reduce(withReapedChildren(postmaster), Duration::plus))
                .orElse(Duration.ZERO);
        return new CpuTimes(cpu(platform.handle()), postgres, cpu(ProcessHandle.current()));
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** utime + stime + cutime + cstime from {@code /proc/<pid>/stat}: the process and its waited-for children. */
    private static Duration withReapedChildren(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // Fields after the command name in parentheses, which may itself hold spaces; utime is the 14th field.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 11; field <= 14; field++) {
                ticks += Long.parseLong(fields[field]);
            }
            return CLOCK_TICK.multipliedBy(ticks);
        } catch (IOException | RuntimeException unavailable) {
            return cpu(process);
        }
    }

    /** Average cores each used between {@code before} and now, e.g. "platform JVM 1.10 cores, …". */
    String coresSince(CpuTimes before, long wallNanos) {
        return "platform JVM %.2f cores, PostgreSQL %.2f cores, bench JVM %.2f cores (of %d)".formatted(
                cores(platform.minus(before.platform), wallNanos), cores(postgres.minus(before.postgres), wallNanos),
                cores(bench.minus(before.bench), wallNanos), Machine.cores());
    }

    static final CpuTimes NONE = new CpuTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** What each process spent between {@code before} and this. */
    CpuTimes minus(CpuTimes before) {
        return new CpuTimes(platform.minus(before.platform), postgres.minus(before.postgres), bench.minus(before.bench));
    }

    CpuTimes plus(CpuTimes other) {
        return new CpuTimes(platform.plus(other.platform), postgres.plus(other.postgres), bench.plus(other.bench));
    }

    /** What each process spent per operation between {@code before} and now. */
    PerOperation perOperation(CpuTimes before, long operations) {
        return new PerOperation(millisPer(platform.minus(before.platform), operations),
                millisPer(postgres.minus(before.postgres), operations), millisPer(bench.minus(before.bench), operations));
    }

    /**
     * CPU milliseconds per operation, split by process. The server's share (platform JVM and PostgreSQL) holds on
     * a shared machine where throughput and latency do not: others' work makes a request wait, not cost more.
     */
    record PerOperation(double platformMillis, double postgresMillis, double benchMillis) {

        double serverMillis() {
            return platformMillis + postgresMillis;
        }

        /** e.g. "server 1.42 ms per read (platform JVM 0.95, PostgreSQL 0.47), load generator 0.30". */
        String describe(String operation) {
            return String.format(Locale.ROOT, "server %.3f ms per %s (platform JVM %.3f, PostgreSQL %.3f), load generator %.3f",
                    serverMillis(), operation, platformMillis, postgresMillis, benchMillis);
        }
    }

    private static double millisPer(Duration cpu, long operations) {
        return operations == 0 ? Double.NaN : cpu.toNanos() / 1e6 / operations;
    }

    private static double cores(Duration cpu, long wallNanos) {
        return (double) cpu.toNanos() / wallNanos;
    }
}
