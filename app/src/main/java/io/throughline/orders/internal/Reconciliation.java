package io.throughline.orders.internal;

import io.throughline.orders.Payment;
import io.throughline.orders.PaymentState;
import io.throughline.platform.CheckoutRefused;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles checkouts a crash left half-way: at start every checkout older than this process (nothing of this
 * process can be working on it), then periodically those older than {@code throughline.orders.reconcile-after}.
 * A checkout still STARTED has its payment voided and is refused; an order whose payment was authorised but not
 * captured gets it captured. One node at a time is assumed for the start-up pass; the periodic pass is safe with
 * several.
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final int BATCH = 200;

    private final CheckoutStore checkouts;
    private final PaymentStore payments;
    private final PaymentStep paymentStep;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrdersProperties properties;
    private final Instant startedAt;

    Reconciliation(CheckoutStore checkouts, PaymentStore payments, PaymentStep paymentStep,
            PlatformTransactionManager transactions, Clock clock, OrdersProperties properties) {
        this.checkouts = checkouts;
        this.payments = payments;
        this.paymentStep = paymentStep;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
        this.startedAt = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        int settled = reconcile(startedAt);
        if (settled > 0) {
            log.info("Settled {} checkouts and payments left unfinished before the start", settled);
        }
    }

    @Scheduled(fixedDelayString = "${throughline.orders.reconcile-every:PT1M}",
            initialDelayString = "${throughline.orders.reconcile-every:PT1M}")
    void periodically() {
        try {
            // Only checkouts of this process's life: one dated before its start is settled by the start-up pass, and
            // is otherwise a historical order's checkout running now on a clock set back to its time.
            reconcile(startedAt, clock.instant().minus(properties.reconcileAfter()));
        } catch (RuntimeException failed) {
            log.warn("Reconciling checkouts failed; the next run retries", failed);
        }
    }

    /**
     * Settles checkouts unfinished since before the cut-off: their payments (which have no order) are voided and
     * the checkout refused; orders placed since before it whose payment was authorised but not captured get it
     * captured.
     *
     * @return how many checkouts and payments it settled
     */
    int reconcile(Instant cutoff) {
        return reconcile(Instant.EPOCH, cutoff);
    }

    private int reconcile(Instant from, Instant cutoff) {
        int settled = 0;
        for (UUID checkoutId : checkouts.unfinished(from, cutoff, BATCH)) {
            Boolean done = tx.execute(status -> {
                if (checkouts.lockUnfinished(checkoutId).isEmpty()) {
                    return false;
                }
                for (PaymentRow row : payments.ofCheckout(checkoutId)) {
                    Payment payment = row.payment();
                    if (row.orderId() == null && (payment.state() == PaymentState.AUTHORISING
                            || payment.state() == PaymentState.AUTHORISED || payment.state() == PaymentState.PENDING)) {
                        paymentStep.voidAuthorisation(payment);
                        payments.state(payment.id(), PaymentState.VOIDED, null, null, clock.instant());
                    }
                }
                checkouts.refused(checkoutId, new CheckoutRefused(CheckoutRefused.Reason.INTERRUPTED,
                        "Idempotency-Key", "The checkout was interrupted before an order was placed; nothing was "
                                + "kept. Check out again with a new key"), clock.instant());
                return true;
            });
            settled += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        for (PaymentRow row : payments.uncaptured(cutoff, BATCH)) {
            paymentStep.capture(row.payment(), clock);
            settled++;
        }
        return settled;
    }
}
