package io.throughline.orders.internal;

import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.OrderReturn;
import io.throughline.orders.OrderState;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.orders.Payment;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentState;
import io.throughline.orders.RefundTo;
import io.throughline.orders.ShipmentState;
import io.throughline.orders.ShippingAddress;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.pricing.Quote;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The orders schema: checkouts, orders with their lines and shipments, payments, returns and store credit. */
@Repository
class JdbcOrders {

    record CheckoutRow(UUID id, String idempotencyKey, String requestHash, UUID cartId, String channel, String state,
            @Nullable UUID orderId, @Nullable Integer outcomeStatus, @Nullable String outcomeType,
            @Nullable String outcomeField, @Nullable String outcomeDetail, Instant createdAt, Instant updatedAt) {}

    record OrderRow(UUID id, String number, OrderState state, String channel, UUID cartId, UUID checkoutId,
            @Nullable UUID profileId, @Nullable String anonymousId, String currency, DeliveryMethod delivery,
            @Nullable UUID pickupLocationId, @Nullable ShippingAddress address, List<Quote.Adjustment> adjustments,
            List<String> coupons, long subtotal, long discount, long total, Instant placedAt, Instant updatedAt) {}

    record PaymentRow(Payment payment, UUID checkoutId, @Nullable UUID orderId) {}

    private static final String CHECKOUT_COLUMNS = "id, idempotency_key, request_hash, cart_id, channel, state, "
            + "order_id, outcome_status, outcome_type, outcome_field, outcome_detail, created_at, updated_at";
    private static final String ORDER_COLUMNS = "id, number, state, channel, cart_id, checkout_id, profile_id, "
            + "anonymous_id, currency, delivery, pickup_location_id, address, adjustments, coupons, subtotal_minor, "
            + "discount_minor, total_minor, placed_at, updated_at";
    private static final String PAYMENT_COLUMNS = "id, checkout_id, order_id, method, state, amount_minor, "
            + "refunded_minor, currency, processor_reference, card_last4, decline_reason, created_at, updated_at";
    private static final String SUMMARY = """
            SELECT o.id, o.number, o.state, o.channel, o.profile_id, o.delivery, o.pickup_location_id, o.currency,
                   o.total_minor, o.placed_at, (SELECT coalesce(sum(quantity), 0) FROM orders.order_line l
                                                 WHERE l.order_id = o.id) AS items
              FROM orders.placed_order o""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcOrders(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- checkouts ------------------------------------------------------------------------------------------

    /** Claims the idempotency key for a new checkout; false when the key is already taken. */
    boolean claim(CheckoutRow checkout) {
        return jdbc.sql("INSERT INTO orders.checkout (" + CHECKOUT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (idempotency_key) DO NOTHING")
                .params(checkout.id(), checkout.idempotencyKey(), checkout.requestHash(), checkout.cartId(),
                        checkout.channel(), checkout.state(), null, null, null, null, null, ts(checkout.createdAt()),
                        ts(checkout.updatedAt()))
                .update() == 1;
    }

    Optional<CheckoutRow> checkoutByKey(String key) {
        return jdbc.sql("SELECT " + CHECKOUT_COLUMNS + " FROM orders.checkout WHERE idempotency_key = ?").param(key)
                .query(JdbcOrders::checkout).optional();
    }

    /** The checkout locked, or empty when it is no longer unfinished. */
    Optional<CheckoutRow> lockUnfinished(UUID checkoutId) {
        return jdbc.sql("SELECT " + CHECKOUT_COLUMNS + " FROM orders.checkout WHERE id = ? AND state = 'STARTED' "
                        + "FOR UPDATE SKIP LOCKED")
                .param(checkoutId).query(JdbcOrders::checkout).optional();
    }

    void placed(UUID checkoutId, UUID orderId, Instant now) {
        jdbc.sql("UPDATE orders.checkout SET state = 'PLACED', order_id = ?, outcome_status = 201, updated_at = ? "
                        + "WHERE id = ?")
                .params(orderId, ts(now), checkoutId).update();
    }

    void refused(UUID checkoutId, int status, String type, String field, String detail, Instant now) {
        jdbc.sql("""
                UPDATE orders.checkout SET state = 'REFUSED', outcome_status = ?, outcome_type = ?, outcome_field = ?,
                       outcome_detail = ?, updated_at = ? WHERE id = ?""")
                .params(status, type, field, detail, ts(now), checkoutId).update();
    }

    List<UUID> unfinishedCheckouts(Instant updatedBefore, int limit) {
        return jdbc.sql("SELECT id FROM orders.checkout WHERE state = 'STARTED' AND updated_at < ? ORDER BY updated_at LIMIT ?")
                .params(ts(updatedBefore), limit).query(UUID.class).list();
    }

    // --- payments -------------------------------------------------------------------------------------------

    void insertPayment(PaymentRow row) {
        Payment payment = row.payment();
        jdbc.sql("INSERT INTO orders.payment (" + PAYMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(payment.id(), row.checkoutId(), row.orderId(), payment.method().name(), payment.state().name(),
                        payment.amount().minor(), payment.refunded().minor(), payment.amount().currency(),
                        payment.processorReference(), payment.cardLast4(), payment.declineReason(),
                        ts(payment.createdAt()), ts(payment.updatedAt()))
                .update();
    }

    void paymentState(UUID paymentId, PaymentState state, @Nullable String processorReference,
            @Nullable String declineReason, Instant now) {
        jdbc.sql("""
                UPDATE orders.payment SET state = ?, processor_reference = coalesce(?, processor_reference),
                       decline_reason = coalesce(?, decline_reason), updated_at = ? WHERE id = ?""")
                .params(state.name(), processorReference, declineReason, ts(now), paymentId).update();
    }

    void paymentOfOrder(UUID paymentId, UUID orderId, Instant now) {
        jdbc.sql("UPDATE orders.payment SET order_id = ?, updated_at = ? WHERE id = ?")
                .params(orderId, ts(now), paymentId).update();
    }

    void refunded(UUID paymentId, long refundedMinor, PaymentState state, Instant now) {
        jdbc.sql("UPDATE orders.payment SET refunded_minor = ?, state = ?, updated_at = ? WHERE id = ?")
                .params(refundedMinor, state.name(), ts(now), paymentId).update();
    }

    List<PaymentRow> paymentsOfCheckout(UUID checkoutId) {
        return jdbc.sql("SELECT " + PAYMENT_COLUMNS + " FROM orders.payment WHERE checkout_id = ? ORDER BY id")
                .param(checkoutId).query(JdbcOrders::payment).list();
    }

    List<PaymentRow> paymentsOfOrder(UUID orderId) {
        return jdbc.sql("SELECT " + PAYMENT_COLUMNS + " FROM orders.payment WHERE order_id = ? ORDER BY id")
                .param(orderId).query(JdbcOrders::payment).list();
    }

    /** Authorised payments of placed orders that still wait for their capture. */
    List<PaymentRow> uncaptured(Instant updatedBefore, int limit) {
        return jdbc.sql("SELECT " + PAYMENT_COLUMNS + " FROM orders.payment WHERE state = 'AUTHORISED' "
                        + "AND order_id IS NOT NULL AND updated_at < ? ORDER BY updated_at LIMIT ?")
                .params(ts(updatedBefore), limit).query(JdbcOrders::payment).list();
    }

    // --- orders ---------------------------------------------------------------------------------------------

    String nextNumber() {
        return "O-" + jdbc.sql("SELECT nextval('orders.order_number')").query(Long.class).single();
    }

    void insert(OrderRow order, List<Order.Line> lines) {
        jdbc.sql("INSERT INTO orders.placed_order (" + ORDER_COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)")
                .params(order.id(), order.number(), order.state().name(), order.channel(), order.cartId(),
                        order.checkoutId(), order.profileId(), order.anonymousId(), order.currency(),
                        order.delivery().name(), order.pickupLocationId(),
                        order.address() == null ? null : json.writeValueAsString(order.address()),
                        json.writeValueAsString(order.adjustments()), order.coupons().toArray(String[]::new),
                        order.subtotal(), order.discount(), order.total(), ts(order.placedAt()), ts(order.updatedAt()))
                .update();
        for (Order.Line line : lines) {
            jdbc.sql("""
                    INSERT INTO orders.order_line (order_id, idx, sku, product_id, name, quantity, unit_price_minor,
                                                   subtotal_minor, discount_minor, total_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(order.id(), line.index(), line.sku(), line.productId(), line.name(), line.quantity(),
                            line.unitPrice().minor(), line.subtotal().minor(), line.discount().minor(),
                            line.total().minor())
                    .update();
        }
        transition(order.id(), order.state(), order.channel(), order.placedAt());
    }

    void insertShipment(UUID orderId, Order.Shipment shipment) {
        jdbc.sql("""
                INSERT INTO orders.shipment (id, order_id, location_id, location_code, state, tracking_number,
                                             pickup_code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(shipment.id(), orderId, shipment.locationId(), shipment.locationCode(), shipment.state().name(),
                        shipment.trackingNumber(), shipment.pickupCode(), ts(shipment.updatedAt()))
                .update();
        for (Order.ShipmentLine line : shipment.lines()) {
            jdbc.sql("INSERT INTO orders.shipment_line (shipment_id, sku, quantity, reservation_id) VALUES (?, ?, ?, ?)")
                    .params(shipment.id(), line.sku(), line.quantity(), line.reservationId()).update();
        }
    }

    void shipmentState(UUID shipmentId, ShipmentState state, @Nullable String trackingNumber,
            @Nullable String pickupCode, Instant now) {
        jdbc.sql("""
                UPDATE orders.shipment SET state = ?, tracking_number = coalesce(?, tracking_number),
                       pickup_code = coalesce(?, pickup_code), updated_at = ? WHERE id = ?""")
                .params(state.name(), trackingNumber, pickupCode, ts(now), shipmentId).update();
    }

    /** Moves the order to the state, noting in its history when and through which channel. */
    void orderState(UUID orderId, OrderState state, String channel, Instant now) {
        jdbc.sql("UPDATE orders.placed_order SET state = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), ts(now), orderId).update();
        transition(orderId, state, channel, now);
    }

    Optional<OrderRow> find(UUID orderId) {
        return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM orders.placed_order WHERE id = ?").param(orderId)
                .query(this::order).optional();
    }

    /** The order locked, so that one order's steps happen one after another. */
    OrderRow lock(UUID orderId) {
        return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM orders.placed_order WHERE id = ? FOR UPDATE").param(orderId)
                .query(this::order).optional().orElseThrow(() -> new NotFoundException("Order", orderId));
    }

    List<Order.Line> lines(UUID orderId) {
        return jdbc.sql("""
                SELECT l.*, o.currency FROM orders.order_line l JOIN orders.placed_order o ON o.id = l.order_id
                 WHERE l.order_id = ? ORDER BY idx""")
                .param(orderId).query((rs, row) -> {
                    String currency = rs.getString("currency");
                    return new Order.Line(rs.getInt("idx"), rs.getString("sku"), rs.getObject("product_id", UUID.class),
                            rs.getString("name"), rs.getInt("quantity"), money(rs, "unit_price_minor", currency),
                            money(rs, "subtotal_minor", currency), money(rs, "discount_minor", currency),
                            money(rs, "total_minor", currency), rs.getInt("returned_quantity"));
                }).list();
    }

    void returnedQuantity(UUID orderId, int index, int returned) {
        jdbc.sql("UPDATE orders.order_line SET returned_quantity = ? WHERE order_id = ? AND idx = ?")
                .params(returned, orderId, index).update();
    }

    List<Order.Shipment> shipments(UUID orderId) {
        List<Order.Shipment> shipments = jdbc.sql("""
                SELECT id, location_id, location_code, state, tracking_number, pickup_code, updated_at
                  FROM orders.shipment WHERE order_id = ? ORDER BY location_code""")
                .param(orderId).query((rs, row) -> new Order.Shipment(rs.getObject("id", UUID.class),
                        rs.getObject("location_id", UUID.class), rs.getString("location_code"),
                        ShipmentState.valueOf(rs.getString("state")), List.of(), rs.getString("tracking_number"),
                        rs.getString("pickup_code"), rs.getTimestamp("updated_at").toInstant()))
                .list();
        List<Order.Shipment> withLines = new ArrayList<>(shipments.size());
        for (Order.Shipment shipment : shipments) {
            List<Order.ShipmentLine> lines = jdbc.sql(
                            "SELECT sku, quantity, reservation_id FROM orders.shipment_line WHERE shipment_id = ? ORDER BY sku")
                    .param(shipment.id()).query((rs, row) -> new Order.ShipmentLine(rs.getString("sku"),
                            rs.getInt("quantity"), rs.getObject("reservation_id", UUID.class)))
                    .list();
            withLines.add(new Order.Shipment(shipment.id(), shipment.locationId(), shipment.locationCode(),
                    shipment.state(), lines, shipment.trackingNumber(), shipment.pickupCode(), shipment.updatedAt()));
        }
        return withLines;
    }

    Page<OrderSummary> ofProfile(UUID profileId, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM orders.placed_order WHERE profile_id = ?").param(profileId)
                .query(Long.class).single();
        List<OrderSummary> items = jdbc.sql(SUMMARY + " WHERE o.profile_id = ? ORDER BY o.placed_at DESC, o.id DESC "
                        + "LIMIT ? OFFSET ?")
                .params(profileId, page.size(), page.offset()).query(JdbcOrders::summary).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Orders matching every condition the filter gives, newest first. */
    Page<OrderSummary> list(Orders.Filter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.number() != null) {
            conditions.add("o.number = ?");
            params.add(filter.number());
        }
        if (filter.channel() != null) {
            conditions.add("o.channel = ?");
            params.add(filter.channel());
        }
        if (filter.state() != null) {
            conditions.add("o.state = ?");
            params.add(filter.state().name());
        }
        if (filter.locationId() != null) {
            conditions.add("(o.pickup_location_id = ? OR EXISTS (SELECT 1 FROM orders.shipment s "
                    + "WHERE s.order_id = o.id AND s.location_id = ?))");
            params.add(filter.locationId());
            params.add(filter.locationId());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT count(*) FROM orders.placed_order o" + where).params(params)
                .query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<OrderSummary> items = jdbc.sql(SUMMARY + where + " ORDER BY o.placed_at DESC, o.id DESC LIMIT ? OFFSET ?")
                .params(paged).query(JdbcOrders::summary).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Page<OrderSummary> withShipmentAt(UUID locationId, ShipmentState state, PageRequest page) {
        String where = " WHERE EXISTS (SELECT 1 FROM orders.shipment s WHERE s.order_id = o.id AND s.location_id = ? "
                + "AND s.state = ?)";
        long total = jdbc.sql("SELECT count(*) FROM orders.placed_order o" + where).params(locationId, state.name())
                .query(Long.class).single();
        List<OrderSummary> items = jdbc.sql(SUMMARY + where + " ORDER BY o.updated_at, o.id LIMIT ? OFFSET ?")
                .params(locationId, state.name(), page.size(), page.offset()).query(JdbcOrders::summary).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Every allocated shipment line at the location, oldest order first. */
    List<PickRow> toPick(UUID locationId) {
        return jdbc.sql("""
                SELECT o.id AS order_id, o.number, s.id AS shipment_id, o.delivery, sl.sku, sl.quantity, o.profile_id,
                       o.placed_at, coalesce((SELECT l.name FROM orders.order_line l
                                               WHERE l.order_id = o.id AND l.sku = sl.sku LIMIT 1), sl.sku) AS name
                  FROM orders.shipment s JOIN orders.shipment_line sl ON sl.shipment_id = s.id
                  JOIN orders.placed_order o ON o.id = s.order_id
                 WHERE s.location_id = ? AND s.state = 'ALLOCATED'
                 ORDER BY o.placed_at, o.id, sl.sku""")
                .param(locationId).query((rs, row) -> new PickRow(rs.getObject("order_id", UUID.class),
                        rs.getString("number"), rs.getObject("shipment_id", UUID.class),
                        DeliveryMethod.valueOf(rs.getString("delivery")), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("quantity"), rs.getObject("profile_id", UUID.class),
                        rs.getTimestamp("placed_at").toInstant()))
                .list();
    }

    record PickRow(UUID orderId, String number, UUID shipmentId, DeliveryMethod delivery, String sku, String name,
            int quantity, @Nullable UUID profileId, Instant placedAt) {}

    /** The whole order as the API shows it. */
    Order assemble(OrderRow row) {
        return assemble(row, lines(row.id()), shipments(row.id()),
                paymentsOfOrder(row.id()).stream().map(PaymentRow::payment).toList(), returnsOf(row.id()),
                history(row.id()));
    }

    /** The order from its row and parts the caller already has. */
    Order assemble(OrderRow row, List<Order.Line> lines, List<Order.Shipment> shipments, List<Payment> payments,
            List<Order.ReturnSummary> returns, List<Order.StateChange> history) {
        return new Order(row.id(), row.number(), row.state(), row.channel(), row.cartId(), row.checkoutId(),
                row.profileId(), row.anonymousId(), row.currency(), row.delivery(), row.pickupLocationId(),
                row.address(), lines, row.adjustments(), row.coupons(), new Money(row.subtotal(), row.currency()),
                new Money(row.discount(), row.currency()), new Money(row.total(), row.currency()), shipments,
                payments, returns, history, row.placedAt(), row.updatedAt());
    }

    List<Order.StateChange> history(UUID orderId) {
        return jdbc.sql("SELECT state, at, channel FROM orders.order_transition WHERE order_id = ? ORDER BY seq")
                .param(orderId).query((rs, row) -> new Order.StateChange(OrderState.valueOf(rs.getString("state")),
                        rs.getTimestamp("at").toInstant(), rs.getString("channel")))
                .list();
    }

    /** Notes the state the order came into; callers hold the order's lock, so the sequence has no gaps. */
    private void transition(UUID orderId, OrderState state, @Nullable String channel, Instant at) {
        jdbc.sql("""
                INSERT INTO orders.order_transition (order_id, seq, state, channel, at)
                SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ? FROM orders.order_transition WHERE order_id = ?""")
                .params(orderId, state.name(), channel, ts(at), orderId).update();
    }

    // --- returns and store credit ---------------------------------------------------------------------------

    void insertReturn(OrderReturn accepted) {
        jdbc.sql("""
                INSERT INTO orders.order_return (id, order_id, channel, location_id, profile_id, refund_to,
                                                 refund_minor, currency, reason, accepted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(accepted.id(), accepted.orderId(), accepted.channel(), accepted.locationId(),
                        accepted.profileId(), accepted.refundTo().name(), accepted.refund().minor(),
                        accepted.refund().currency(), accepted.reason(), ts(accepted.acceptedAt()))
                .update();
        for (OrderReturn.Line line : accepted.lines()) {
            jdbc.sql("INSERT INTO orders.return_line (return_id, sku, quantity, refund_minor) VALUES (?, ?, ?, ?)")
                    .params(accepted.id(), line.sku(), line.quantity(), line.refund().minor()).update();
        }
    }

    List<Order.ReturnSummary> returnsOf(UUID orderId) {
        return jdbc.sql("""
                SELECT id, channel, location_id, refund_minor, currency, refund_to, accepted_at
                  FROM orders.order_return WHERE order_id = ? ORDER BY accepted_at, id""")
                .param(orderId).query((rs, row) -> new Order.ReturnSummary(rs.getObject("id", UUID.class),
                        rs.getString("channel"), rs.getObject("location_id", UUID.class),
                        money(rs, "refund_minor", rs.getString("currency")), RefundTo.valueOf(rs.getString("refund_to")),
                        rs.getTimestamp("accepted_at").toInstant()))
                .list();
    }

    Page<OrderReturn> returnsAt(UUID locationId, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM orders.order_return WHERE location_id = ?").param(locationId)
                .query(Long.class).single();
        List<OrderReturn> items = jdbc.sql("""
                SELECT r.*, o.number FROM orders.order_return r JOIN orders.placed_order o ON o.id = r.order_id
                 WHERE r.location_id = ? ORDER BY r.accepted_at DESC, r.id DESC LIMIT ? OFFSET ?""")
                .params(locationId, page.size(), page.offset()).query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String currency = rs.getString("currency");
                    return new OrderReturn(id, rs.getObject("order_id", UUID.class), rs.getString("number"),
                            rs.getString("channel"), rs.getObject("location_id", UUID.class),
                            rs.getObject("profile_id", UUID.class), returnLines(id, currency),
                            money(rs, "refund_minor", currency), RefundTo.valueOf(rs.getString("refund_to")),
                            rs.getString("reason"), rs.getTimestamp("accepted_at").toInstant());
                }).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private List<OrderReturn.Line> returnLines(UUID returnId, String currency) {
        return jdbc.sql("SELECT sku, quantity, refund_minor FROM orders.return_line WHERE return_id = ? ORDER BY sku")
                .param(returnId).query((rs, row) -> new OrderReturn.Line(rs.getString("sku"), rs.getInt("quantity"),
                        money(rs, "refund_minor", currency))).list();
    }

    void addStoreCredit(UUID profileId, Money amount, Instant now) {
        jdbc.sql("""
                INSERT INTO orders.store_credit (profile_id, currency, balance_minor, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (profile_id, currency)
                DO UPDATE SET balance_minor = orders.store_credit.balance_minor + excluded.balance_minor,
                              updated_at = excluded.updated_at""")
                .params(profileId, amount.currency(), amount.minor(), ts(now)).update();
    }

    Money storeCredit(UUID profileId, String currency) {
        long balance = jdbc.sql("SELECT balance_minor FROM orders.store_credit WHERE profile_id = ? AND currency = ?")
                .params(profileId, currency).query(Long.class).optional().orElse(0L);
        return new Money(balance, currency);
    }

    // --- mapping --------------------------------------------------------------------------------------------

    private OrderRow order(ResultSet rs, int row) throws SQLException {
        String address = rs.getString("address");
        Array coupons = rs.getArray("coupons");
        return new OrderRow(rs.getObject("id", UUID.class), rs.getString("number"),
                OrderState.valueOf(rs.getString("state")), rs.getString("channel"), rs.getObject("cart_id", UUID.class),
                rs.getObject("checkout_id", UUID.class), rs.getObject("profile_id", UUID.class),
                rs.getString("anonymous_id"), rs.getString("currency"), DeliveryMethod.valueOf(rs.getString("delivery")),
                rs.getObject("pickup_location_id", UUID.class),
                address == null ? null : json.readValue(address, ShippingAddress.class),
                json.readValue(rs.getString("adjustments"), new TypeReference<List<Quote.Adjustment>>() {}),
                Arrays.asList((String[]) coupons.getArray()), rs.getLong("subtotal_minor"), rs.getLong("discount_minor"),
                rs.getLong("total_minor"), rs.getTimestamp("placed_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static CheckoutRow checkout(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("outcome_status");
        boolean noStatus = rs.wasNull();
        return new CheckoutRow(rs.getObject("id", UUID.class), rs.getString("idempotency_key"),
                rs.getString("request_hash"), rs.getObject("cart_id", UUID.class), rs.getString("channel"),
                rs.getString("state"), rs.getObject("order_id", UUID.class), noStatus ? null : status,
                rs.getString("outcome_type"), rs.getString("outcome_field"), rs.getString("outcome_detail"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static PaymentRow payment(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        Payment payment = new Payment(rs.getObject("id", UUID.class), PaymentMethod.valueOf(rs.getString("method")),
                PaymentState.valueOf(rs.getString("state")), money(rs, "amount_minor", currency),
                money(rs, "refunded_minor", currency), rs.getString("processor_reference"), rs.getString("card_last4"),
                rs.getString("decline_reason"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
        return new PaymentRow(payment, rs.getObject("checkout_id", UUID.class), rs.getObject("order_id", UUID.class));
    }

    private static OrderSummary summary(ResultSet rs, int row) throws SQLException {
        return new OrderSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                OrderState.valueOf(rs.getString("state")), rs.getString("channel"),
                rs.getObject("profile_id", UUID.class), DeliveryMethod.valueOf(rs.getString("delivery")),
                rs.getObject("pickup_location_id", UUID.class), rs.getInt("items"),
                money(rs, "total_minor", rs.getString("currency")), rs.getTimestamp("placed_at").toInstant());
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        return new Money(rs.getLong(column), currency);
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
