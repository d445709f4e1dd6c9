package io.throughline.orders.internal;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles checkouts a crash left half-way: at start every checkout older than this process (nothing of this
 * process can be working on it), then periodically those older than {@code throughline.orders.reconcile-after}.
 * One node at a time is assumed for the start-up pass; the periodic pass is safe with several.
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final Checkouts checkouts;
    private final OrderService orders;
    private final Instant startedAt;

    Reconciliation(Checkouts checkouts, OrderService orders, Clock clock) {
        this.checkouts = checkouts;
        this.orders = orders;
        this.startedAt = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        int settled = checkouts.reconcile(startedAt);
        if (settled > 0) {
            log.info("Settled {} checkouts and payments left unfinished before the start", settled);
        }
    }

    @Scheduled(fixedDelayString = "${throughline.orders.reconcile-every:PT1M}",
            initialDelayString = "${throughline.orders.reconcile-every:PT1M}")
    void periodically() {
        try {
            orders.reconcile();
        } catch (RuntimeException failed) {
            log.warn("Reconciling checkouts failed; the next run retries", failed);
        }
    }
}
