package io.throughline.orders.internal;

import static io.throughline.platform.Rows.enumOf;
import static io.throughline.platform.Rows.instant;
import static io.throughline.platform.Rows.money;
import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.uuid;
import static io.throughline.platform.Rows.uuidOrNull;

import io.throughline.orders.Order;
import io.throughline.orders.OrderReturn;
import io.throughline.orders.RefundTo;
import io.throughline.platform.Money;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Returns with their lines ({@code orders.order_return}, {@code orders.return_line}) and store credit balances. */
@Repository
class ReturnStore {

    private final JdbcClient jdbc;

    ReturnStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The return and its lines, in one statement. */
    void insert(OrderReturn accepted) {
        List<OrderReturn.Line> lines = accepted.lines();
        jdbc.sql("""
                WITH accepted AS (
                    INSERT INTO orders.order_return (id, order_id, channel, location_id, profile_id, refund_to,
                                                     refund_minor, currency, reason, accepted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)
                INSERT INTO orders.return_line (return_id, sku, quantity, refund_minor)
                SELECT accepted.id, line.sku, line.quantity, line.refund_minor
                  FROM accepted, unnest(?::text[], ?::int[], ?::bigint[]) AS line (sku, quantity, refund_minor)""")
                .params(accepted.id(), accepted.orderId(), accepted.channel(), accepted.locationId(),
                        accepted.profileId(), accepted.refundTo().name(), accepted.refund().minor(),
                        accepted.refund().currency(), accepted.reason(), timestamp(accepted.acceptedAt()),
                        lines.stream().map(OrderReturn.Line::sku).toArray(String[]::new),
                        lines.stream().map(OrderReturn.Line::quantity).toArray(Integer[]::new),
                        lines.stream().map(line -> line.refund().minor()).toArray(Long[]::new))
                .update();
    }

    List<Order.ReturnSummary> ofOrder(UUID orderId) {
        return jdbc.sql("""
                SELECT id, channel, location_id, refund_minor, currency, refund_to, accepted_at
                  FROM orders.order_return WHERE order_id = ? ORDER BY accepted_at, id""")
                .param(orderId).query((rs, row) -> new Order.ReturnSummary(uuid(rs, "id"), rs.getString("channel"),
                        uuid(rs, "location_id"), money(rs, "refund_minor", "currency"),
                        enumOf(rs, "refund_to", RefundTo.class), instant(rs, "accepted_at")))
                .list();
    }

    /** Returns received at the location, newest first, each with its lines, a page in one statement. */
    Page<OrderReturn> receivedAt(UUID locationId, PageRequest page) {
        return new PagedQuery("""
                r.id, r.order_id, o.number, r.channel, r.location_id, r.profile_id, r.refund_minor, r.currency,
                r.refund_to, r.reason, r.accepted_at, lines.skus, lines.quantities, lines.refunds""", """
                FROM orders.order_return r JOIN orders.placed_order o ON o.id = r.order_id
                CROSS JOIN LATERAL (SELECT array_agg(l.sku ORDER BY l.sku) AS skus,
                                           array_agg(l.quantity ORDER BY l.sku) AS quantities,
                                           array_agg(l.refund_minor ORDER BY l.sku) AS refunds
                                      FROM orders.return_line l WHERE l.return_id = r.id) lines
                WHERE r.location_id = ?""", "r.accepted_at DESC, r.id DESC", List.of(locationId))
                .read(jdbc, page, ReturnStore::orderReturn);
    }

    void addStoreCredit(UUID profileId, Money amount, Instant now) {
        jdbc.sql("""
                INSERT INTO orders.store_credit (profile_id, currency, balance_minor, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (profile_id, currency)
                DO UPDATE SET balance_minor = orders.store_credit.balance_minor + excluded.balance_minor,
                              updated_at = excluded.updated_at""")
                .params(profileId, amount.currency(), amount.minor(), timestamp(now)).update();
    }

    Money storeCredit(UUID profileId, String currency) {
        long balance = jdbc.sql("SELECT balance_minor FROM orders.store_credit WHERE profile_id = ? AND currency = ?")
                .params(profileId, currency).query(Long.class).optional().orElse(0L);
        return new Money(balance, currency);
    }

    private static OrderReturn orderReturn(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        String[] skus = (String[]) rs.getArray("skus").getArray();
        Integer[] quantities = (Integer[]) rs.getArray("quantities").getArray();
        Long[] refunds = (Long[]) rs.getArray("refunds").getArray();
        List<OrderReturn.Line> lines = new ArrayList<>(skus.length);
        for (int i = 0; i < skus.length; i++) {
            lines.add(new OrderReturn.Line(skus[i], quantities[i], new Money(refunds[i], currency)));
        }
        return new OrderReturn(uuid(rs, "id"), uuid(rs, "order_id"), rs.getString("number"), rs.getString("channel"),
                uuid(rs, "location_id"), uuidOrNull(rs, "profile_id"), lines, money(rs, "refund_minor", "currency"),
                enumOf(rs, "refund_to", RefundTo.class), rs.getString("reason"), instant(rs, "accepted_at"));
    }
}
