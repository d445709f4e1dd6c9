package io.throughline.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A benchmark's output: its settings, progress and result, one line at a time on standard output, whose last
 * line {@code bench/run} reports as the result. It is the program's product rather than a log, and the only
 * place the benchmarks write to the console; nothing personal is ever in it (the data is generated).
 */
final class Report {

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private Report() {}

    static void printf(String format, Object... args) {
        OUT.printf(format, args);
    }

    static void printf(Locale locale, String format, Object... args) {
        OUT.printf(locale, format, args);
    }

    static void println(String line) {
        OUT.println(line);
    }

    /** Why the benchmark failed, on standard error, so that it is never taken for the result line. */
    static void failure(String line) {
        ERR.println(line);
    }
}
