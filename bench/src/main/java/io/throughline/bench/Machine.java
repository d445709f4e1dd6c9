package io.throughline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a result depends on besides the code: cores and how busy the machine is with other work. */
final class Machine {

    private Machine() {}

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The 1, 5 and 15 minute load averages, e.g. "0.52 0.61 0.70"; above the core count, others compete for CPU. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }
}
