package io.throughline.bench;

import java.time.Duration;
import java.util.stream.Stream;

/** CPU time used so far by the platform JVM, its PostgreSQL processes, and this bench JVM (load generator or seeder). */
record CpuTimes(Duration platform, Duration postgres, Duration loadGenerator) {

    /**
     * Now, for the platform's JVM and its PostgreSQL (the postmaster and its children: sessions, WAL writer,
     * checkpointer; the pool keeps sessions alive, so little CPU leaves with exiting processes).
     */
    static CpuTimes now(PlatformProcess platform) {
        Duration postgres = platform.postmaster()
                .map(postmaster -> Stream.concat(Stream.of(postmaster),
                        postmaster.descendants()).map(CpuTimes::cpu).reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO);
        return new CpuTimes(cpu(platform.handle()), postgres, cpu(ProcessHandle.current()));
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Average cores each used between {@code before} and now, e.g. "platform JVM 1.10 cores, …". */
    String coresSince(CpuTimes before, long wallNanos) {
        return "platform JVM %.2f cores, PostgreSQL %.2f cores, bench JVM %.2f cores (of %d)".formatted(
                cores(platform.minus(before.platform), wallNanos), cores(postgres.minus(before.postgres), wallNanos),
                cores(loadGenerator.minus(before.loadGenerator), wallNanos), Machine.cores());
    }

    private static double cores(Duration cpu, long wallNanos) {
        return (double) cpu.toNanos() / wallNanos;
    }
}
