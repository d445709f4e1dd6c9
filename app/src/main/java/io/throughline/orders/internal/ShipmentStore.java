package io.throughline.orders.internal;

import static io.throughline.platform.Rows.enumOf;
import static io.throughline.platform.Rows.instant;
import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.uuid;
import static io.throughline.platform.Rows.uuidOrNull;

import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.ShipmentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shipments and their lines ({@code orders.shipment}, {@code orders.shipment_line}): an order's parts per location. */
@Repository
class ShipmentStore {

    record PickRow(UUID orderId, String number, UUID shipmentId, DeliveryMethod delivery, String sku, String name,
            int quantity, @Nullable UUID profileId, Instant placedAt) {}

    private final JdbcClient jdbc;

    ShipmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order's shipments with their lines, by location code, read in one statement. */
    List<Order.Shipment> ofOrder(UUID orderId) {
        Map<UUID, Order.Shipment> shipments = new LinkedHashMap<>();
        Map<UUID, List<Order.ShipmentLine>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.id, s.location_id, s.location_code, s.state, s.tracking_number, s.pickup_code, s.updated_at,
                       l.sku, l.quantity, l.reservation_id
                  FROM orders.shipment s LEFT JOIN orders.shipment_line l ON l.shipment_id = s.id
                 WHERE s.order_id = ? ORDER BY s.location_code, s.id, l.sku""")
                .param(orderId).query((RowCallbackHandler) rs -> {
                    UUID id = uuid(rs, "id");
                    if (!shipments.containsKey(id)) {
                        shipments.put(id, new Order.Shipment(id, uuid(rs, "location_id"), rs.getString("location_code"),
                                enumOf(rs, "state", ShipmentState.class), List.of(), rs.getString("tracking_number"),
                                rs.getString("pickup_code"), instant(rs, "updated_at")));
                        lines.put(id, new ArrayList<>());
                    }
                    UUID reservation = uuidOrNull(rs, "reservation_id");
                    if (reservation != null) {
                        lines.get(id).add(new Order.ShipmentLine(rs.getString("sku"), rs.getInt("quantity"), reservation));
                    }
                });
        List<Order.Shipment> withLines = new ArrayList<>(shipments.size());
        shipments.forEach((id, shipment) -> withLines.add(new Order.Shipment(id, shipment.locationId(),
                shipment.locationCode(), shipment.state(), lines.get(id), shipment.trackingNumber(),
                shipment.pickupCode(), shipment.updatedAt())));
        return withLines;
    }

    void state(UUID shipmentId, ShipmentState state, @Nullable String trackingNumber, @Nullable String pickupCode,
            Instant now) {
        jdbc.sql("""
                UPDATE orders.shipment SET state = ?, tracking_number = coalesce(?, tracking_number),
                       pickup_code = coalesce(?, pickup_code), updated_at = ? WHERE id = ?""")
                .params(state.name(), trackingNumber, pickupCode, timestamp(now), shipmentId).update();
    }

    /** Every allocated shipment line at the location, oldest order first. */
    List<PickRow> toPick(UUID locationId) {
        return jdbc.sql("""
                SELECT o.id AS order_id, o.number, s.id AS shipment_id, o.delivery, sl.sku, sl.quantity, o.profile_id,
                       o.placed_at, coalesce((SELECT l.name FROM orders.order_line l
                                               WHERE l.order_id = o.id AND l.sku = sl.sku LIMIT 1), sl.sku) AS name
                  FROM orders.shipment s JOIN orders.shipment_line sl ON sl.shipment_id = s.id
                  JOIN orders.placed_order o ON o.id = s.order_id
                 WHERE s.location_id = ? AND s.state = ?
                 ORDER BY o.placed_at, o.id, sl.sku""")
                .params(locationId, ShipmentState.ALLOCATED.name())
                .query((rs, row) -> new PickRow(uuid(rs, "order_id"), rs.getString("number"), uuid(rs, "shipment_id"),
                        enumOf(rs, "delivery", DeliveryMethod.class), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("quantity"), uuidOrNull(rs, "profile_id"), instant(rs, "placed_at")))
                .list();
    }
}
