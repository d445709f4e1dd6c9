package io.throughline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one closed loop on N concurrent clients (virtual threads) until each stops, and merges their tallies. */
final class Clients {

    /** One client's loop; it returns when there is no more work, recording into its own tally. */
    @FunctionalInterface
    interface Loop {
        void run(Tally tally) throws Exception;
    }

    /** All clients of one phase together; latencies sorted for percentiles. */
    record Totals(long operations, long items, long duplicates, Map<Integer, Long> unexpected, Latencies latencies,
            long wallNanos) {

        double wallSeconds() {
            return wallNanos / 1e9;
        }

        double itemsPerSecond() {
            return items / wallSeconds();
        }

        double operationsPerSecond() {
            return operations / wallSeconds();
        }

        long unexpectedTotal() {
            return unexpected.values().stream().mapToLong(Long::longValue).sum();
        }

        String unexpectedSummary() {
            return unexpected.isEmpty() ? "none" : String.join(", ", unexpected.entrySet().stream()
                    .map(entry -> (entry.getKey() == Tally.TRANSPORT_ERROR ? "transport error" : entry.getKey())
                            + " x" + entry.getValue())
                    .toList());
        }
    }

    private Clients() {}

    static Totals run(int clients, Loop loop) throws InterruptedException {
        List<Tally> tallies = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                Tally tally = new Tally();
                tallies.add(tally);
                running.add(executor.submit(() -> {
                    loop.run(tally);
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (ExecutionException failed) {
            throw new IllegalStateException("a client failed: " + failed.getCause(), failed.getCause());
        }
        long wall = System.nanoTime() - started;
        return merge(tallies, wall);
    }

    private static Totals merge(List<Tally> tallies, long wallNanos) {
        Map<Integer, Long> unexpected = new TreeMap<>();
        tallies.forEach(tally -> tally.unexpected.forEach((status, count) -> unexpected.merge(status, count, Long::sum)));
        return new Totals(
                tallies.stream().mapToLong(tally -> tally.operations).sum(),
                tallies.stream().mapToLong(tally -> tally.items).sum(),
                tallies.stream().mapToLong(tally -> tally.duplicates).sum(),
                unexpected,
                Latencies.merge(tallies.stream().map(tally -> tally.latencies).toList()),
                wallNanos);
    }
}
