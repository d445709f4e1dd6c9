package io.throughline.events.internal;

import io.throughline.events.EventToAppend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Appends the outbox rows that no hand-off brought to the log: at start-up every row (a crash after their
 * transaction committed left them), and later the rows older than a hand-off takes (the log was busy). An event
 * that reaches the writer twice this way is stored once: its source and message id are already in the log.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration HAND_OFF = Duration.ofSeconds(10);
    private static final Duration EVERY_ROW = Duration.ofDays(-1);
    private static final int PAGE = 1_000;

    private final TransactionOutbox outbox;
    private final GroupCommitWriter writer;
    private volatile boolean replayedAtStart;

    OutboxRelay(TransactionOutbox outbox, GroupCommitWriter writer) {
        this.outbox = outbox;
        this.writer = writer;
    }

    @Scheduled(initialDelay = 0, fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
    void relay() {
        // At start nothing is on its way from memory: every row is one a crash left behind.
        Duration age = replayedAtStart ? HAND_OFF : EVERY_ROW;
        int relayed = 0;
        while (true) {
            List<EventToAppend> waiting = outbox.waiting(age, PAGE);
            if (waiting.isEmpty()) {
                break;
            }
            try {
                writer.drainOutbox(waiting).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException notNow) {
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            relayed += waiting.size();
            if (waiting.size() < PAGE) {
                break;
            }
        }
        if (relayed > 0) {
            log.info("Appended {} events left in the outbox", relayed);
        }
        replayedAtStart = true;
    }
}
