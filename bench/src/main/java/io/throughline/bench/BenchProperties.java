package io.throughline.bench;

import java.time.Duration;

/** A benchmark's settings from {@code -Dthroughline.bench.…} system properties, with clear errors. */
final class BenchProperties {

    private BenchProperties() {}

    static String required(String property, String benchmark) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (use bench/run " + benchmark + ")");
        }
        return value;
    }

    /** A count such as {@code 2000000} or {@code 2_000_000}; the default when the property is unset. */
    static long count(String property, long defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.strip().replace("_", ""));
            if (parsed < 0) {
                throw new NumberFormatException("negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("system property " + property + " must be a non-negative whole number, not '"
                    + value + "'");
        }
    }

    static int intCount(String property, int defaultValue) {
        return Math.toIntExact(count(property, defaultValue));
    }

    static Duration seconds(String property, long defaultSeconds) {
        return Duration.ofSeconds(count(property, defaultSeconds));
    }
}
