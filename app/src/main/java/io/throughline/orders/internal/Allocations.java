package io.throughline.orders.internal;

import io.throughline.carts.Cart;
import io.throughline.catalog.Sku;
import io.throughline.inventory.Reservation;
import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.ShipmentState;
import io.throughline.orders.ShippingAddress;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The stock an order is fulfilled from, one shipment per location: the cart's holds confirmed as allocations, or
 * for ship-from-store new allocations at the nearest shops that have the stock.
 */
@Component
class Allocations {

    private static final Duration ALLOCATION_HOLD = Duration.ofMinutes(5);

    private final Reservations reservations;
    private final StockLocations locations;
    private final LocationCodes codes;
    private final StockLedger ledger;

    Allocations(Reservations reservations, StockLocations locations, LocationCodes codes, StockLedger ledger) {
        this.reservations = reservations;
        this.locations = locations;
        this.codes = codes;
        this.ledger = ledger;
    }

    /**
     * The shipments of the order, sorted by location code and their lines by SKU, as the store reads them back.
     *
     * @param address where a shipped order goes; null for pickup and the counter
     */
    List<Order.Shipment> allocate(Cart cart, UUID orderId, DeliveryMethod delivery, @Nullable ShippingAddress address,
            Clock clock, Instant now) {
        List<Order.Shipment> shipments = delivery == DeliveryMethod.SHIP_FROM_STORE
                ? shipFromStore(cart, orderId, Objects.requireNonNull(address, "address"), clock, now)
                : fromHolds(cart, delivery, clock, now);
        return shipments.stream()
                .sorted(Comparator.comparing(Order.Shipment::locationCode))
                .map(shipment -> new Order.Shipment(shipment.id(), shipment.locationId(), shipment.locationCode(),
                        shipment.state(), shipment.lines().stream()
                                .sorted(Comparator.comparing(Order.ShipmentLine::sku)).toList(),
                        shipment.trackingNumber(), shipment.pickupCode(), shipment.updatedAt()))
                .toList();
    }

    /** The cart's holds become the order's allocations, one shipment per location; at the counter, sold at once. */
    private List<Order.Shipment> fromHolds(Cart cart, DeliveryMethod delivery, Clock clock, Instant now) {
        Map<UUID, List<Order.ShipmentLine>> byLocation = new LinkedHashMap<>();
        for (Cart.Line line : cart.lines()) {
            if (line.hold() == null || !line.hold().active()) {
                throw new ConflictException("lines", line.sku() + " is no longer held; view the cart to hold it again");
            }
            Reservation allocation = reservations.confirm(line.hold().reservationId());
            if (delivery == DeliveryMethod.COUNTER) {
                reservations.fulfil(allocation.id());
            }
            byLocation.computeIfAbsent(allocation.locationId(), location -> new ArrayList<>())
                    .add(new Order.ShipmentLine(line.sku(), line.quantity(), allocation.id()));
        }
        ShipmentState state = delivery == DeliveryMethod.COUNTER ? ShipmentState.PICKED_UP : ShipmentState.ALLOCATED;
        List<Order.Shipment> shipments = new ArrayList<>();
        byLocation.forEach((location, lines) -> shipments.add(new Order.Shipment(Ids.newId(clock), location,
                codes.of(location), state, lines, null, null, now)));
        return shipments;
    }

    /** The cart's holds go back; the stock is allocated at the shops nearest the address that ship and have it. */
    private List<Order.Shipment> shipFromStore(Cart cart, UUID orderId, ShippingAddress address, Clock clock,
            Instant now) {
        for (Cart.Line line : cart.lines()) {
            if (line.hold() != null) {
                reservations.release(line.hold().reservationId());
            }
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        cart.lines().forEach(line -> ordered.merge(line.sku(), line.quantity(), Integer::sum));
        List<AllocationPolicy.Site> sites = new ArrayList<>();
        for (StockLocation location : locations.list(new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
            if (!location.shipFromStore()) {
                continue;
            }
            Map<String, Integer> available = new LinkedHashMap<>();
            ordered.keySet().forEach(sku -> available.put(sku, ledger.level(Sku.of(sku), location.id()).unreserved()));
            sites.add(new AllocationPolicy.Site(location.id(), location.code(), location.latitude(),
                    location.longitude(), location.address().postalCode(), available));
        }
        List<AllocationPolicy.Allocation> plan = AllocationPolicy.allocate(ordered, sites,
                new AllocationPolicy.Destination(address.latitude(), address.longitude(), address.postalCode()));
        Map<UUID, List<Order.ShipmentLine>> byLocation = new LinkedHashMap<>();
        Map<UUID, String> codes = new LinkedHashMap<>();
        for (AllocationPolicy.Allocation allocation : plan) {
            Reservation held = reservations.reserve(Sku.of(allocation.sku()), allocation.locationId(),
                    allocation.quantity(), "order:" + orderId, ALLOCATION_HOLD);
            reservations.confirm(held.id());
            codes.put(allocation.locationId(), allocation.code());
            byLocation.computeIfAbsent(allocation.locationId(), location -> new ArrayList<>())
                    .add(new Order.ShipmentLine(allocation.sku(), allocation.quantity(), held.id()));
        }
        List<Order.Shipment> shipments = new ArrayList<>();
        byLocation.forEach((location, lines) -> shipments.add(new Order.Shipment(Ids.newId(clock), location,
                codes.get(location), ShipmentState.ALLOCATED, lines, null, null, now)));
        return shipments;
    }
}
