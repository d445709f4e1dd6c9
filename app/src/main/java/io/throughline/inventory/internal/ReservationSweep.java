package io.throughline.inventory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks lapsed holds EXPIRED and announces it, so that listeners (the availability stream, later carts) learn
 * that stock came back. Availability does not wait for it: it ignores lapsed holds by their expiry time.
 */
@Component
class ReservationSweep {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweep.class);
    private static final int BATCH = 500;

    private final JdbcReservations reservations;

    ReservationSweep(JdbcReservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(fixedDelayString = "${throughline.inventory.expiry-sweep-interval:PT5S}",
            initialDelayString = "${throughline.inventory.expiry-sweep-interval:PT5S}")
    void sweep() {
        try {
            int expired;
            do {
                expired = reservations.expireLapsed(BATCH);
            } while (expired == BATCH);
        } catch (RuntimeException failed) {
            log.warn("Expiring lapsed stock holds failed; the next sweep retries", failed);
        }
    }
}
