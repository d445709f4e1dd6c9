package io.throughline.orders.internal;

import static io.throughline.platform.Rows.enumOf;
import static io.throughline.platform.Rows.instant;
import static io.throughline.platform.Rows.money;
import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.uuid;
import static io.throughline.platform.Rows.uuidOrNull;

import io.throughline.orders.Payment;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments ({@code orders.payment}): asked for by a checkout, then the order's. */
@Repository
class PaymentStore {

    private static final String COLUMNS = "id, checkout_id, order_id, method, state, amount_minor, refunded_minor, "
            + "currency, processor_reference, card_last4, decline_reason, created_at, updated_at";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PaymentRow row) {
        Payment payment = row.payment();
        jdbc.sql("INSERT INTO orders.payment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(payment.id(), row.checkoutId(), row.orderId(), payment.method().name(), payment.state().name(),
                        payment.amount().minor(), payment.refunded().minor(), payment.amount().currency(),
                        payment.processorReference(), payment.cardLast4(), payment.declineReason(),
                        timestamp(payment.createdAt()), timestamp(payment.updatedAt()))
                .update();
    }

    void state(UUID paymentId, PaymentState state, @Nullable String processorReference,
            @Nullable String declineReason, Instant now) {
        jdbc.sql("""
                UPDATE orders.payment SET state = ?, processor_reference = coalesce(?, processor_reference),
                       decline_reason = coalesce(?, decline_reason), updated_at = ? WHERE id = ?""")
                .params(state.name(), processorReference, declineReason, timestamp(now), paymentId).update();
    }

    void refunded(UUID paymentId, long refundedMinor, PaymentState state, Instant now) {
        jdbc.sql("UPDATE orders.payment SET refunded_minor = ?, state = ?, updated_at = ? WHERE id = ?")
                .params(refundedMinor, state.name(), timestamp(now), paymentId).update();
    }

    List<PaymentRow> ofCheckout(UUID checkoutId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.payment WHERE checkout_id = ? ORDER BY id")
                .param(checkoutId).query(PaymentStore::payment).list();
    }

    List<PaymentRow> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.payment WHERE order_id = ? ORDER BY id")
                .param(orderId).query(PaymentStore::payment).list();
    }

    /** Authorised payments of placed orders that still wait for their capture. */
    List<PaymentRow> uncaptured(Instant updatedBefore, int limit) {
        // The state written into the statement, not bound, so that the partial index on unsettled payments applies.
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.payment WHERE state = '" + PaymentState.AUTHORISED.name()
                        + "' AND order_id IS NOT NULL AND updated_at < ? ORDER BY updated_at LIMIT ?")
                .params(timestamp(updatedBefore), limit).query(PaymentStore::payment).list();
    }

    private static PaymentRow payment(ResultSet rs, int row) throws SQLException {
        Payment payment = new Payment(uuid(rs, "id"), enumOf(rs, "method", PaymentMethod.class),
                enumOf(rs, "state", PaymentState.class), money(rs, "amount_minor", "currency"),
                money(rs, "refunded_minor", "currency"), rs.getString("processor_reference"),
                rs.getString("card_last4"), rs.getString("decline_reason"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
        return new PaymentRow(payment, uuid(rs, "checkout_id"), uuidOrNull(rs, "order_id"));
    }
}
