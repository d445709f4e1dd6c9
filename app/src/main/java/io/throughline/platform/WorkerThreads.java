package io.throughline.platform;

import java.time.Duration;
import java.util.List;

/** The one way the platform's background workers wait for their threads at shutdown. */
public final class WorkerThreads {

    /** Long enough for a batch under way to commit; a thread still busy after it is left to the JVM's exit. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private WorkerThreads() {}

    /** Waits for each thread to end, up to the grace period each, and forgets them. */
    public static void joinAndClear(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join(GRACE);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }
}
