package io.throughline.bench;

/**
 * What every benchmark's {@code main} does around its run: a refused setting or a failed check ends it with
 * exit code 1.
 */
final class BenchMain {

    /** A benchmark's run, which may throw whatever its I/O throws. */
    interface Run {
        void run() throws Exception;
    }

    private BenchMain() {}

    static void runOrFail(String name, Run run) throws Exception {
        try {
            run.run();
        } catch (IllegalStateException failed) {
            // stdout is the benchmark's result; the reason it has none goes to stderr, where bench/run shows it.
            Report.failure(name + ": FAILED: " + failed.getMessage());
            System.exit(1);
        }
    }
}
