package io.throughline.orders.internal;

import static io.throughline.platform.Rows.enumOf;
import static io.throughline.platform.Rows.instant;
import static io.throughline.platform.Rows.money;
import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.uuid;
import static io.throughline.platform.Rows.uuidOrNull;

import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.OrderState;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.orders.PaymentState;
import io.throughline.orders.ShipmentState;
import io.throughline.orders.ShippingAddress;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.pricing.Quote;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders with their lines and state history ({@code orders.placed_order}, {@code order_line},
 * {@code order_transition}).
 */
@Repository
class OrderStore {

    /**
     * Everything placing an order writes, for {@link #place}.
     *
     * @param paymentIds          the checkout's payments, each made the order's
     * @param paymentState        the payments' state once placed; null leaves it as it is (pay at pickup stays
     *                            PENDING)
     * @param processorReferences each payment's reference, in the order of {@code paymentIds}; empty keeps theirs
     */
    record Placement(OrderRow order, List<Order.Line> lines, List<Order.Shipment> shipments, List<UUID> paymentIds,
            @Nullable PaymentState paymentState, List<String> processorReferences) {}

    private static final String COLUMNS = "id, number, state, channel, cart_id, checkout_id, profile_id, "
            + "anonymous_id, currency, delivery, pickup_location_id, address, adjustments, coupons, subtotal_minor, "
            + "discount_minor, total_minor, placed_at, updated_at";
    private static final String SUMMARY_COLUMNS = """
            o.id, o.number, o.state, o.channel, o.profile_id, o.delivery, o.pickup_location_id, o.currency,
            o.total_minor, o.placed_at, (SELECT coalesce(sum(quantity), 0) FROM orders.order_line l
                                          WHERE l.order_id = o.id) AS items""";
    private static final String NEWEST_FIRST = "o.placed_at DESC, o.id DESC";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OrderStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Places the order in one statement: the checkout marked placed (only if it is still unfinished), the order
     * numbered, its lines, its first history entry, its shipments with their lines, and the payment made the
     * order's. Empty when the checkout was settled meanwhile (reconciliation), so nothing was written.
     *
     * @return the order's number
     */
    Optional<String> place(Placement placement) {
        OrderRow order = placement.order();
        List<Order.Line> lines = placement.lines();
        List<Order.Shipment> shipments = placement.shipments();
        List<Order.ShipmentLine> shipmentLines = new ArrayList<>();
        List<String> shipmentOfLine = new ArrayList<>();
        for (Order.Shipment shipment : shipments) {
            for (Order.ShipmentLine line : shipment.lines()) {
                shipmentLines.add(line);
                shipmentOfLine.add(shipment.id().toString());
            }
        }
        return jdbc.sql("""
                WITH checkout AS (
                    UPDATE orders.checkout SET state = ?, order_id = ?, updated_at = ?
                     WHERE id = ? AND state = ? RETURNING id),
                placed AS (
                    INSERT INTO orders.placed_order (id, number, state, channel, cart_id, checkout_id, profile_id,
                                                     anonymous_id, currency, delivery, pickup_location_id, address,
                                                     adjustments, coupons, subtotal_minor, discount_minor, total_minor,
                                                     placed_at, updated_at)
                    SELECT ?, 'O-' || nextval('orders.order_number'), ?, ?, ?, checkout.id, ?, ?, ?, ?, ?, ?::jsonb,
                           ?::jsonb, ?, ?, ?, ?, ?, ?
                      FROM checkout RETURNING id, number),
                lines AS (
                    INSERT INTO orders.order_line (order_id, idx, sku, product_id, name, quantity, unit_price_minor,
                                                   subtotal_minor, discount_minor, total_minor)
                    SELECT placed.id, line.* FROM placed,
                           unnest(?::int[], ?::text[], ?::uuid[], ?::text[], ?::int[], ?::bigint[], ?::bigint[],
                                  ?::bigint[], ?::bigint[])
                               AS line (idx, sku, product_id, name, quantity, unit_price_minor, subtotal_minor,
                                        discount_minor, total_minor)),
                history AS (
                    INSERT INTO orders.order_transition (order_id, seq, state, channel, at)
                    SELECT placed.id, 1, ?, ?, ? FROM placed),
                shipments AS (
                    INSERT INTO orders.shipment (id, order_id, location_id, location_code, state, updated_at)
                    SELECT shipment.id, placed.id, shipment.location_id, shipment.location_code, shipment.state, ?
                      FROM placed, unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[])
                                       AS shipment (id, location_id, location_code, state)),
                shipment_lines AS (
                    INSERT INTO orders.shipment_line (shipment_id, sku, quantity, reservation_id)
                    SELECT line.* FROM placed, unnest(?::uuid[], ?::text[], ?::int[], ?::uuid[])
                                                   AS line (shipment_id, sku, quantity, reservation_id)),
                payment AS (
                    UPDATE orders.payment SET order_id = placed.id, state = coalesce(?, state),
                           processor_reference = coalesce(paid.reference, processor_reference), updated_at = ?
                      FROM placed, unnest(?::uuid[], ?::text[]) AS paid (id, reference)
                     WHERE orders.payment.id = paid.id)
                SELECT number FROM placed""")
                .params(CheckoutState.PLACED.name(), order.id(), timestamp(order.placedAt()), order.checkoutId(),
                        CheckoutState.STARTED.name(),
                        order.id(), order.state().name(), order.channel(), order.cartId(), order.profileId(),
                        order.anonymousId(), order.currency(), order.delivery().name(), order.pickupLocationId(),
                        order.address() == null ? null : json.writeValueAsString(order.address()),
                        json.writeValueAsString(order.adjustments()), order.coupons().toArray(String[]::new),
                        order.subtotal(), order.discount(), order.total(), timestamp(order.placedAt()),
                        timestamp(order.updatedAt()),
                        column(lines, Order.Line::index, Integer[]::new), column(lines, Order.Line::sku, String[]::new),
                        column(lines, line -> line.productId() == null ? null : line.productId().toString(),
                                String[]::new),
                        column(lines, Order.Line::name, String[]::new),
                        column(lines, Order.Line::quantity, Integer[]::new),
                        column(lines, line -> line.unitPrice().minor(), Long[]::new),
                        column(lines, line -> line.subtotal().minor(), Long[]::new),
                        column(lines, line -> line.discount().minor(), Long[]::new),
                        column(lines, line -> line.total().minor(), Long[]::new),
                        order.state().name(), order.channel(), timestamp(order.placedAt()),
                        timestamp(order.placedAt()),
                        column(shipments, shipment -> shipment.id().toString(), String[]::new),
                        column(shipments, shipment -> shipment.locationId().toString(), String[]::new),
                        column(shipments, Order.Shipment::locationCode, String[]::new),
                        column(shipments, shipment -> shipment.state().name(), String[]::new),
                        shipmentOfLine.toArray(String[]::new),
                        column(shipmentLines, Order.ShipmentLine::sku, String[]::new),
                        column(shipmentLines, Order.ShipmentLine::quantity, Integer[]::new),
                        column(shipmentLines, line -> line.reservationId().toString(), String[]::new),
                        placement.paymentState() == null ? null : placement.paymentState().name(),
                        timestamp(order.placedAt()),
                        column(placement.paymentIds(), UUID::toString, String[]::new),
                        references(placement))
                .query(String.class).optional();
    }

    /** One reference per payment, nulls where the payment keeps its own. */
    private static String[] references(Placement placement) {
        String[] references = new String[placement.paymentIds().size()];
        for (int i = 0; i < placement.processorReferences().size() && i < references.length; i++) {
            references[i] = placement.processorReferences().get(i);
        }
        return references;
    }

    /** Moves the order to the state, noting in its history when and through which channel. */
    void state(UUID orderId, OrderState state, String channel, Instant now) {
        // Callers hold the order's lock, so the history's sequence has no gaps.
        jdbc.sql("""
                WITH moved AS (UPDATE orders.placed_order SET state = ?, updated_at = ? WHERE id = ? RETURNING id)
                INSERT INTO orders.order_transition (order_id, seq, state, channel, at)
                SELECT moved.id, coalesce((SELECT max(seq) FROM orders.order_transition WHERE order_id = moved.id), 0)
                       + 1, ?, ?, ?
                  FROM moved""")
                .params(state.name(), timestamp(now), orderId, state.name(), channel, timestamp(now)).update();
    }

    Optional<OrderRow> find(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.placed_order WHERE id = ?").param(orderId)
                .query(this::order).optional();
    }

    /** The order locked, so that one order's steps happen one after another. */
    OrderRow lock(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.placed_order WHERE id = ? FOR UPDATE").param(orderId)
                .query(this::order).optional().orElseThrow(() -> new NotFoundException("Order", orderId));
    }

    List<Order.Line> lines(UUID orderId) {
        return jdbc.sql("""
                SELECT l.*, o.currency FROM orders.order_line l JOIN orders.placed_order o ON o.id = l.order_id
                 WHERE l.order_id = ? ORDER BY idx""")
                .param(orderId).query((rs, row) -> new Order.Line(rs.getInt("idx"), rs.getString("sku"),
                        uuidOrNull(rs, "product_id"), rs.getString("name"), rs.getInt("quantity"),
                        money(rs, "unit_price_minor", "currency"), money(rs, "subtotal_minor", "currency"),
                        money(rs, "discount_minor", "currency"), money(rs, "total_minor", "currency"),
                        rs.getInt("returned_quantity")))
                .list();
    }

    void returnedQuantity(UUID orderId, int index, int returned) {
        jdbc.sql("UPDATE orders.order_line SET returned_quantity = ? WHERE order_id = ? AND idx = ?")
                .params(returned, orderId, index).update();
    }

    List<Order.StateChange> history(UUID orderId) {
        return jdbc.sql("SELECT state, at, channel FROM orders.order_transition WHERE order_id = ? ORDER BY seq")
                .param(orderId).query((rs, row) -> new Order.StateChange(enumOf(rs, "state", OrderState.class),
                        instant(rs, "at"), rs.getString("channel")))
                .list();
    }

    Page<OrderSummary> ofProfile(UUID profileId, PageRequest page) {
        return new PagedQuery(SUMMARY_COLUMNS, "FROM orders.placed_order o WHERE o.profile_id = ?", NEWEST_FIRST,
                List.of(profileId)).read(jdbc, page, OrderStore::summary);
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
        return new PagedQuery(SUMMARY_COLUMNS, "FROM orders.placed_order o" + where, NEWEST_FIRST, params)
                .read(jdbc, page, OrderStore::summary);
    }

    /** Orders with a shipment in the state at the location, the longest waiting first. */
    Page<OrderSummary> withShipmentAt(UUID locationId, ShipmentState state, PageRequest page) {
        return new PagedQuery(SUMMARY_COLUMNS, "FROM orders.placed_order o WHERE EXISTS (SELECT 1 FROM orders.shipment s "
                + "WHERE s.order_id = o.id AND s.location_id = ? AND s.state = ?)", "o.updated_at, o.id",
                List.of(locationId, state.name())).read(jdbc, page, OrderStore::summary);
    }

    private OrderRow order(ResultSet rs, int row) throws SQLException {
        String address = rs.getString("address");
        Array coupons = rs.getArray("coupons");
        return new OrderRow(uuid(rs, "id"), rs.getString("number"), enumOf(rs, "state", OrderState.class),
                rs.getString("channel"), uuid(rs, "cart_id"), uuid(rs, "checkout_id"), uuidOrNull(rs, "profile_id"),
                rs.getString("anonymous_id"), rs.getString("currency"), enumOf(rs, "delivery", DeliveryMethod.class),
                uuidOrNull(rs, "pickup_location_id"),
                address == null ? null : json.readValue(address, ShippingAddress.class),
                json.readValue(rs.getString("adjustments"), new TypeReference<List<Quote.Adjustment>>() {}),
                Arrays.asList((String[]) coupons.getArray()), rs.getLong("subtotal_minor"),
                rs.getLong("discount_minor"), rs.getLong("total_minor"), instant(rs, "placed_at"),
                instant(rs, "updated_at"));
    }

    private static OrderSummary summary(ResultSet rs, int row) throws SQLException {
        return new OrderSummary(uuid(rs, "id"), rs.getString("number"), enumOf(rs, "state", OrderState.class),
                rs.getString("channel"), uuidOrNull(rs, "profile_id"), enumOf(rs, "delivery", DeliveryMethod.class),
                uuidOrNull(rs, "pickup_location_id"), rs.getInt("items"), money(rs, "total_minor", "currency"),
                instant(rs, "placed_at"));
    }

    private static <T, C> C[] column(List<T> rows, Function<T, @Nullable C> value,
            IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
