package io.throughline.loyalty.internal;

import io.throughline.orders.OrderCancelled;
import io.throughline.orders.OrderPlaced;
import io.throughline.orders.ReturnAccepted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the orders and returns whose points were not written: those published before this process
 * started (it was killed between the order's commit and its points), and those whose listener failed a minute
 * ago or more. Earning is idempotent by the order's and the return's id, so a delivery that overlaps the first
 * writes nothing.
 */
@Component
class PointsCatchingUp {

    private static final Duration LATE = Duration.ofMinutes(1);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Instant started;

    PointsCatchingUp(IncompleteEventPublications incomplete, Clock clock) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.started = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        resubmitPublishedBefore(started);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT2M")
    void late() {
        resubmitPublishedBefore(clock.instant().minus(LATE));
    }

    private void resubmitPublishedBefore(Instant moment) {
        incomplete.resubmitIncompletePublications(publication -> ours(publication)
                && publication.getPublicationDate().isBefore(moment));
    }

    private static boolean ours(EventPublication publication) {
        return publication.getEvent() instanceof OrderPlaced || publication.getEvent() instanceof ReturnAccepted
                || publication.getEvent() instanceof OrderCancelled;
    }
}
