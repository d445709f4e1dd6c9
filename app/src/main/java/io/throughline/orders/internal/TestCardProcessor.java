package io.throughline.orders.internal;

import static io.throughline.platform.Rows.timestamp;

import io.throughline.orders.PaymentMethod;
import io.throughline.platform.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A card processor for tests and demos with the outcomes of {@link TestCards}. It keeps its charges in a table
 * of its own, written outside the checkout's transactions, as a real provider's records live outside ours.
 */
@Component
class TestCardProcessor implements PaymentProcessor {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OrdersProperties properties;

    TestCardProcessor(JdbcClient jdbc, Clock clock, OrdersProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public Set<PaymentMethod> methods() {
        return Set.of(PaymentMethod.CARD);
    }

    /** A number that is not one of the test cards is refused before the checkout starts. */
    @Override
    public void check(@Nullable String cardNumber) {
        if (cardNumber != null) {
            TestCards.outcome(cardNumber);
        }
    }

    @Override
    public Outcome authorise(String reference, PaymentMethod method, Money amount, @Nullable String cardNumber,
            String channel) {
        String digits = CheckoutPolicy.cardNumber(cardNumber == null ? "" : cardNumber);
        switch (TestCards.outcome(digits)) {
            case DECLINE -> {
                return new Outcome.Declined("The card was declined (test card " + CheckoutPolicy.last4(digits) + ")");
            }
            case PROCESSING_ERROR -> {
                return new Outcome.Failed("The card processor had an error; nothing was taken");
            }
            case SLOW_APPROVE -> sleep();
            case APPROVE -> { }
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO orders.test_card_charge (reference, card_last4, amount_minor, currency, state, created_at,
                                                     updated_at)
                VALUES (?, ?, ?, ?, 'AUTHORISED', ?, ?) ON CONFLICT (reference) DO NOTHING""")
                .params(reference, CheckoutPolicy.last4(digits), amount.minor(), amount.currency(), timestamp(now),
                        timestamp(now)).update();
        return new Outcome.Approved("test_" + reference);
    }

    @Override
    public void capture(String reference, Money amount) {
        int captured = jdbc.sql("UPDATE orders.test_card_charge SET state = 'CAPTURED', updated_at = ? "
                        + "WHERE reference = ? AND state IN ('AUTHORISED', 'CAPTURED')")
                .params(timestamp(clock.instant()), reference).update();
        if (captured == 0) {
            throw new IllegalStateException("No authorisation to capture for payment " + reference);
        }
    }

    @Override
    public void voidAuthorisation(String reference) {
        jdbc.sql("UPDATE orders.test_card_charge SET state = 'VOIDED', updated_at = ? "
                        + "WHERE reference = ? AND state = 'AUTHORISED'")
                .params(timestamp(clock.instant()), reference).update();
    }

    @Override
    public void refund(String reference, String refundReference, Money amount) {
        jdbc.sql("UPDATE orders.test_card_charge SET refunded_minor = refunded_minor + ?, updated_at = ? "
                        + "WHERE reference = ? AND state = 'CAPTURED' AND refunded_minor + ? <= amount_minor")
                .params(amount.minor(), timestamp(clock.instant()), reference, amount.minor()).update();
    }

    private void sleep() {
        try {
            Thread.sleep(properties.slowCardDelay());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
