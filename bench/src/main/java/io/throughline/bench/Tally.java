package io.throughline.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one client saw: latencies of its successful operations, how many items they carried, and how often
 * each unexpected answer came back (status code, or {@link #TRANSPORT_ERROR}). Not shared between clients.
 */
final class Tally {

    static final int TRANSPORT_ERROR = 0;

    final Latencies latencies = new Latencies();
    final Map<Integer, Long> unexpected = new TreeMap<>();
    long operations;
    long items;
    long duplicates;

    void succeeded(long nanos, long itemCount) {
        latencies.add(nanos);
        operations++;
        items += itemCount;
    }

    void unexpected(int status) {
        unexpected.merge(status, 1L, Long::sum);
    }
}
