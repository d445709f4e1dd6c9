package io.throughline.orders.internal;

import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.uuid;

import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.HistoricalOrder;
import io.throughline.orders.OrderState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders recorded from another system's history: the order, its lines and its history in one statement, behind a
 * checkout row keyed by the other system's number so that a number is recorded once; and what a later return
 * document takes back from them.
 */
@Repository
class HistoricalOrderStore {

    /** A line of an earlier order that still has units to take back. */
    record Returnable(UUID orderId, int index, int left) {}

    private final JdbcClient jdbc;

    HistoricalOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String keyOf(String number) {
        return "history:" + number;
    }

    /** Writes the order unless its number was recorded before; empty then. */
    Optional<UUID> insert(UUID orderId, UUID checkoutId, HistoricalOrder order, List<OrderState> history,
            OrderState state, long total) {
        List<HistoricalOrder.Line> lines = order.lines();
        int n = lines.size();
        Integer[] idx = new Integer[n];
        String[] skus = new String[n];
        String[] productIds = new String[n];
        String[] names = new String[n];
        Integer[] quantities = new Integer[n];
        Long[] prices = new Long[n];
        Long[] totals = new Long[n];
        Long[] zeros = new Long[n];
        for (int i = 0; i < n; i++) {
            HistoricalOrder.Line line = lines.get(i);
            idx[i] = i;
            skus[i] = line.sku();
            productIds[i] = line.productId() == null ? null : line.productId().toString();
            names[i] = line.name();
            quantities[i] = line.quantity();
            prices[i] = line.unitPrice().minor();
            totals[i] = line.unitPrice().minor() * line.quantity();
            zeros[i] = 0L;
        }
        Integer[] seqs = new Integer[history.size()];
        String[] states = new String[history.size()];
        for (int i = 0; i < history.size(); i++) {
            seqs[i] = i + 1;
            states[i] = history.get(i).name();
        }
        Instant at = order.at();
        // No cart sold it, but the column is unique and required: the order's own id stands in, unique among cart
        // ids since both are UUIDv7 drawn from one generator.
        return jdbc.sql("""
                WITH checkout AS (
                    INSERT INTO orders.checkout (id, idempotency_key, request_hash, cart_id, channel, state, order_id,
                                                 created_at, updated_at)
                    VALUES (?, ?, 'history', ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, cart_id),
                placed AS (
                    INSERT INTO orders.placed_order (id, number, state, channel, cart_id, checkout_id, profile_id,
                                                     anonymous_id, currency, delivery, adjustments, coupons,
                                                     subtotal_minor, discount_minor, total_minor, placed_at, updated_at)
                    SELECT ?, ?, ?, ?, checkout.cart_id, checkout.id, ?, ?, ?, ?, '[]'::jsonb, '{}', ?, 0, ?, ?, ?
                      FROM checkout RETURNING id),
                lines AS (
                    INSERT INTO orders.order_line (order_id, idx, sku, product_id, name, quantity, unit_price_minor,
                                                   subtotal_minor, discount_minor, total_minor)
                    SELECT placed.id, line.idx, line.sku, line.product_id, line.name, line.quantity, line.price,
                           line.total, line.zero, line.total
                      FROM placed, unnest(?::int[], ?::text[], ?::uuid[], ?::text[], ?::int[], ?::bigint[],
                                          ?::bigint[], ?::bigint[])
                                   AS line (idx, sku, product_id, name, quantity, price, total, zero)),
                history AS (
                    INSERT INTO orders.order_transition (order_id, seq, state, channel, at)
                    SELECT placed.id, step.seq, step.state, ?, ? FROM placed, unnest(?::int[], ?::text[])
                                                                            AS step (seq, state))
                SELECT id FROM placed""")
                .params(checkoutId, keyOf(order.number()), orderId, order.channel().key(),
                        CheckoutState.PLACED.name(), orderId, timestamp(at), timestamp(at),
                        orderId, order.number(), state.name(), order.channel().key(), order.profileId(),
                        order.profileId() == null ? order.anonymousId() : null, order.currency(),
                        order.delivery().name(), total, total, timestamp(at), timestamp(at),
                        idx, skus, productIds, names, quantities, prices, totals, zeros,
                        order.channel().key(), timestamp(at), seqs, states)
                .query((rs, row) -> uuid(rs, "id")).optional();
    }

    /** The order recorded under the number. */
    Optional<UUID> recorded(String number) {
        return jdbc.sql("SELECT order_id FROM orders.checkout WHERE idempotency_key = ?").param(keyOf(number))
                .query(UUID.class).optional();
    }

    /** Her lines that sold the SKU up to the time with units left to take back, latest order first. */
    List<Returnable> returnable(UUID profileId, String sku, Instant until) {
        return new ArrayList<>(jdbc.sql("""
                SELECT l.order_id, l.idx, l.quantity - l.returned_quantity AS units_left
                  FROM orders.placed_order o JOIN orders.order_line l ON l.order_id = o.id
                 WHERE o.profile_id = ? AND o.placed_at <= ? AND l.sku = ? AND l.quantity > l.returned_quantity
                 ORDER BY o.placed_at DESC, o.id DESC, l.idx""")
                .params(profileId, timestamp(until), sku)
                .query((rs, row) -> new Returnable(uuid(rs, "order_id"), rs.getInt("idx"), rs.getInt("units_left")))
                .list());
    }

    void takeBack(UUID orderId, int index, int quantity, @Nullable Instant at) {
        jdbc.sql("""
                UPDATE orders.order_line SET returned_quantity = returned_quantity + ?
                 WHERE order_id = ? AND idx = ?""").params(quantity, orderId, index).update();
        if (at != null) {
            jdbc.sql("UPDATE orders.placed_order SET updated_at = greatest(updated_at, ?) WHERE id = ?")
                    .params(timestamp(at), orderId).update();
        }
    }

    /** Delivery a recorded order had when the other system did not say: handed over at the counter or sent. */
    static OrderState finalState(DeliveryMethod delivery) {
        return delivery == DeliveryMethod.COUNTER ? OrderState.PICKED_UP : OrderState.DELIVERED;
    }
}
