package io.throughline.orders.internal;

import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Fulfilments;
import io.throughline.orders.Order;
import io.throughline.orders.OrderPickedUp;
import io.throughline.orders.OrderReadyForPickup;
import io.throughline.orders.OrderShipped;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentState;
import io.throughline.orders.ShipmentState;
import io.throughline.orders.internal.JdbcOrders.OrderRow;
import io.throughline.orders.internal.JdbcOrders.PaymentRow;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.tracking.Sources;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A location's work on its shipments. Each step locks the order first, so the steps of one order happen one
 * after another; handing goods over (shipping, pickup) sells their allocations in inventory, so on-hand and
 * the ledger follow the goods.
 */
@Service
class FulfilmentService implements Fulfilments {

    private final JdbcOrders store;
    private final OrderProgress progress;
    private final Reservations reservations;
    private final StockLocations locations;
    private final PaymentProcessors processors;
    private final Sources sources;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    FulfilmentService(JdbcOrders store, OrderProgress progress, Reservations reservations, StockLocations locations,
            PaymentProcessors processors, Sources sources, OrderEvents events, ApplicationEventPublisher publisher,
            Clock clock) {
        this.store = store;
        this.progress = progress;
        this.reservations = reservations;
        this.locations = locations;
        this.processors = processors;
        this.sources = sources;
        this.events = events;
        this.publisher = publisher;
        this.clock = OrderTime.over(clock);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PickListEntry> pickList(UUID locationId) {
        locations.get(locationId);
        return store.toPick(locationId).stream().map(row -> new PickListEntry(row.orderId(), row.number(),
                row.shipmentId(), row.delivery(), row.sku(), row.name(), row.quantity(), row.profileId(),
                row.placedAt())).toList();
    }

    @Override
    @Transactional
    public Order readyForPickup(UUID orderId, UUID locationId) {
        OrderRow order = store.lock(orderId);
        if (order.delivery() != DeliveryMethod.PICKUP) {
            throw new ConflictException("delivery", "Order " + order.number() + " is " + order.delivery()
                    + "; only click & collect orders wait for pickup");
        }
        Order.Shipment shipment = shipmentAt(order, locationId);
        OrderTransitions.check(order.number(), shipment.locationCode(), shipment.state(), ShipmentState.READY_FOR_PICKUP);
        Instant now = clock.instant();
        String code = PickupCodes.generate();
        store.shipmentState(shipment.id(), ShipmentState.READY_FOR_PICKUP, null, code, now);
        progress.advance(order, now, shipment.locationCode());
        publisher.publishEvent(new OrderReadyForPickup(orderId, order.number(), order.profileId(), locationId,
                shipment.locationCode(), code, now));
        // The shop's own channel tells the customer when it has one; else the channel she ordered in.
        String channel = sources.findByChannel(shipment.locationCode()).isPresent() ? shipment.locationCode()
                : order.channel();
        events.readyForPickup(shopper(order), channel, orderId, order.number(), shipment.locationCode(), code);
        return store.assemble(store.lock(orderId));
    }

    @Override
    @Transactional
    public Order pickUp(UUID orderId, UUID locationId, String pickupCode, String channel) {
        OrderRow order = store.lock(orderId);
        Order.Shipment shipment = shipmentAt(order, locationId);
        OrderTransitions.check(order.number(), shipment.locationCode(), shipment.state(), ShipmentState.PICKED_UP);
        if (shipment.state() != ShipmentState.READY_FOR_PICKUP) {
            throw new ConflictException("state", "The shipment of order " + order.number() + " at "
                    + shipment.locationCode() + " is " + shipment.state() + "; mark it ready for pickup first");
        }
        if (!PickupCodes.matches(shipment.pickupCode(), pickupCode)) {
            throw new InvalidRequestException("pickupCode", "does not match the order's pickup code");
        }
        Instant now = clock.instant();
        shipment.lines().forEach(line -> reservations.fulfil(line.reservationId()));
        store.shipmentState(shipment.id(), ShipmentState.PICKED_UP, null, null, now);
        for (PaymentRow row : store.paymentsOfOrder(orderId)) {
            if (row.payment().method() == PaymentMethod.PAY_AT_PICKUP && row.payment().state() == PaymentState.PENDING) {
                processors.of(PaymentMethod.PAY_AT_PICKUP).capture(row.payment().id().toString(), row.payment().amount());
                store.paymentState(row.payment().id(), PaymentState.CAPTURED, "till_" + channel, null, now);
            }
        }
        progress.advance(order, now, channel);
        publisher.publishEvent(new OrderPickedUp(orderId, order.profileId(), locationId, channel, now));
        events.pickedUp(shopper(order), channel, orderId, order.number(), shipment.locationCode());
        return store.assemble(store.lock(orderId));
    }

    @Override
    @Transactional
    public Order ship(UUID orderId, UUID locationId, String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank() || trackingNumber.length() > 100) {
            throw new InvalidRequestException("trackingNumber", "must be 1 to 100 characters");
        }
        OrderRow order = store.lock(orderId);
        if (order.delivery() != DeliveryMethod.HOME_DELIVERY && order.delivery() != DeliveryMethod.SHIP_FROM_STORE) {
            throw new ConflictException("delivery", "Order " + order.number() + " is " + order.delivery()
                    + "; only delivered orders are shipped");
        }
        Order.Shipment shipment = shipmentAt(order, locationId);
        OrderTransitions.check(order.number(), shipment.locationCode(), shipment.state(), ShipmentState.SHIPPED);
        Instant now = clock.instant();
        shipment.lines().forEach(line -> reservations.fulfil(line.reservationId()));
        store.shipmentState(shipment.id(), ShipmentState.SHIPPED, trackingNumber.strip(), null, now);
        progress.advance(order, now, shipment.locationCode());
        publisher.publishEvent(new OrderShipped(orderId, shipment.id(), order.profileId(), locationId,
                trackingNumber.strip(), now));
        return store.assemble(store.lock(orderId));
    }

    @Override
    @Transactional
    public Order delivered(UUID orderId, UUID locationId) {
        OrderRow order = store.lock(orderId);
        Order.Shipment shipment = shipmentAt(order, locationId);
        OrderTransitions.check(order.number(), shipment.locationCode(), shipment.state(), ShipmentState.DELIVERED);
        Instant now = clock.instant();
        store.shipmentState(shipment.id(), ShipmentState.DELIVERED, null, null, now);
        progress.advance(order, now, shipment.locationCode());
        return store.assemble(store.lock(orderId));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrderSummary> pickupsDue(UUID locationId, PageRequest page) {
        locations.get(locationId);
        return store.withShipmentAt(locationId, ShipmentState.READY_FOR_PICKUP, page);
    }

    private Order.Shipment shipmentAt(OrderRow order, UUID locationId) {
        return store.shipments(order.id()).stream().filter(shipment -> shipment.locationId().equals(locationId))
                .findFirst().orElseThrow(() -> new NotFoundException("Shipment of order " + order.number()
                        + " at location", locationId));
    }

    static OrderEvents.Shopper shopper(OrderRow order) {
        return new OrderEvents.Shopper(order.profileId(), order.anonymousId());
    }

    /** The location by id or code, as staff name it in a path. */
    static StockLocation location(StockLocations locations, String idOrCode) {
        try {
            return locations.get(UUID.fromString(idOrCode));
        } catch (IllegalArgumentException notAnId) {
            return locations.findByCode(idOrCode).orElseThrow(() -> new NotFoundException("Location", idOrCode));
        }
    }
}
