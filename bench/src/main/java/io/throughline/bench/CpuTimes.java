package io.throughline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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

    private static double cores(Duration cpu, long wallNanos) {
        return (double) cpu.toNanos() / wallNanos;
    }
}
