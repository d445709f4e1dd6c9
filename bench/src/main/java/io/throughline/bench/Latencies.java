package io.throughline.bench;

import java.util.Arrays;
import java.util.List;

/** Latencies in nanoseconds, kept whole (a run holds at most a few hundred thousand), for exact percentiles. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Latencies merge(List<Latencies> parts) {
        Latencies merged = new Latencies();
        merged.values = new long[Math.max(1, parts.stream().mapToInt(Latencies::size).sum())];
        for (Latencies part : parts) {
            System.arraycopy(part.values, 0, merged.values, merged.size, part.size);
            merged.size += part.size;
        }
        Arrays.sort(merged.values, 0, merged.size);
        return merged;
    }

    /** The nearest-rank percentile in milliseconds; only on a merged (sorted) instance. */
    double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return values[Math.min(size, Math.max(1, rank)) - 1] / 1e6;
    }

    double maxMillis() {
        return size == 0 ? Double.NaN : values[size - 1] / 1e6;
    }

    String summary() {
        return "p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms (n=%d)".formatted(percentileMillis(50),
                percentileMillis(90), percentileMillis(99), maxMillis(), size);
    }
}
