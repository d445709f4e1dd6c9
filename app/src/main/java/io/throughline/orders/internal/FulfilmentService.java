package io.throughline.orders.internal;

import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Fulfilments;
import io.throughline.orders.Order;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Payment;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PaymentState;
import io.throughline.orders.ShipmentState;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    private final OrderStore orders;
    private final ShipmentStore shipments;
    private final PaymentStore payments;
    private final OrderAssembler assembler;
    private final OrderProgress progress;
    private final Reservations reservations;
    private final StockLocations locations;
    private final PaymentProcessors processors;
    private final Channels channels;
    private final OrderEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    FulfilmentService(OrderStore orders, ShipmentStore shipments, PaymentStore payments, OrderAssembler assembler,
            OrderProgress progress, Reservations reservations, StockLocations locations, PaymentProcessors processors,
            Channels channels, OrderEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.payments = payments;
        this.assembler = assembler;
        this.progress = progress;
        this.reservations = reservations;
        this.locations = locations;
        this.processors = processors;
        this.channels = channels;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PickListEntry> pickList(UUID locationId) {
        locations.get(locationId);
        return shipments.toPick(locationId).stream().map(row -> new PickListEntry(row.orderId(), row.number(),
                row.shipmentId(), row.delivery(), row.sku(), row.name(), row.quantity(), row.profileId(),
                row.placedAt())).toList();
    }

    @Override
    @Transactional
    public Order readyForPickup(UUID orderId, UUID locationId) {
        return readyForPickup(orderId, locationId, clock.instant());
    }

    @Transactional
    Order readyForPickup(UUID orderId, UUID locationId, Instant now) {
        OrderRow order = orders.lock(orderId);
        if (order.delivery() != DeliveryMethod.PICKUP) {
            throw new ConflictException("delivery", "Order " + order.number() + " is " + order.delivery()
                    + "; only click & collect orders wait for pickup");
        }
        Order.Shipment shipment = shipmentAt(order, locationId);
        OrderTransitions.check(order.number(), shipment.locationCode(), shipment.state(), ShipmentState.READY_FOR_PICKUP);
        String code = PickupCodes.generate();
        shipments.state(shipment.id(), ShipmentState.READY_FOR_PICKUP, null, code, now);
        progress.advance(order, now, shipment.locationCode());
        publisher.publishEvent(new OrderReadyForPickup(orderId, order.number(), order.profileId(), locationId,
                shipment.locationCode(), code, now));
        // The shop's own channel tells the customer when it has one; else the channel she ordered in.
        channels.find(shipment.locationCode()).or(() -> channels.find(order.channel())).ifPresent(channel ->
                events.readyForPickup(shopper(order), channel, now, orderId, order.number(), shipment.locationCode(),
                        code));
        return assembler.assemble(orders.lock(orderId));
    }

    @Override
    @Transactional
    public Order pickUp(UUID orderId, UUID locationId, String pickupCode, String channel,
            @Nullable PaymentMethod paidWith) {
        return pickUp(orderId, locationId, pickupCode, channel, paidWith, clock.instant());
    }

    @Transactional
    Order pickUp(UUID orderId, UUID locationId, String pickupCode, String channel, @Nullable PaymentMethod paidWith,
            Instant now) {
        OrderRow order = orders.lock(orderId);
        Order.Shipment shipment = shipmentAt(order, locationId);
        OrderTransitions.check(order.number(), shipment.locationCode(), shipment.state(), ShipmentState.PICKED_UP);
        if (shipment.state() != ShipmentState.READY_FOR_PICKUP) {
            throw new ConflictException("state", "The shipment of order " + order.number() + " at "
                    + shipment.locationCode() + " is " + shipment.state() + "; mark it ready for pickup first");
        }
        if (!PickupCodes.matches(shipment.pickupCode(), pickupCode)) {
            throw new InvalidRequestException("pickupCode", "does not match the order's pickup code");
        }
        List<Payment> toTake = payments.ofOrder(orderId).stream().map(PaymentRow::payment)
                .filter(payment -> payment.method() == PaymentMethod.PAY_AT_PICKUP
                        && payment.state() == PaymentState.PENDING)
                .toList();
        PickupPayment.check(order.number(), toTake, paidWith);
        shipment.lines().forEach(line -> reservations.fulfil(line.reservationId()));
        shipments.state(shipment.id(), ShipmentState.PICKED_UP, null, null, now);
        for (Payment payment : toTake) {
            processors.of(PaymentMethod.PAY_AT_PICKUP).capture(payment.id().toString(), payment.amount());
            payments.state(payment.id(), PaymentState.CAPTURED, PickupPayment.reference(paidWith, channel), null, now);
        }
        progress.advance(order, now, channel);
        publisher.publishEvent(new OrderPickedUp(orderId, order.profileId(), locationId, channel, now));
        channels.find(channel).ifPresent(known -> events.pickedUp(shopper(order), known, now, orderId, order.number(),
                shipment.locationCode()));
        return assembler.assemble(orders.lock(orderId));
    }

    @Override
    @Transactional
    public Order ship(UUID orderId, UUID locationId, String trackingNumber) {
        return ship(orderId, locationId, trackingNumber, clock.instant());
    }

    @Transactional
    Order ship(UUID orderId, UUID locationId, String trackingNumber, Instant now) {
        if (trackingNumber == null || trackingNumber.isBlank() || trackingNumber.length() > 100) {
            throw new InvalidRequestException("trackingNumber", "must be 1 to 100 characters");
        }
        OrderRow order = orders.lock(orderId);
        if (order.delivery() != DeliveryMethod.HOME_DELIVERY && order.delivery() != DeliveryMethod.SHIP_FROM_STORE) {
            throw new ConflictException("delivery", "Order " + order.number() + " is " + order.delivery()
                    + "; only delivered orders are shipped");
        }
        Order.Shipment shipment = shipmentAt(order, locationId);
        OrderTransitions.check(order.number(), shipment.locationCode(), shipment.state(), ShipmentState.SHIPPED);
        shipment.lines().forEach(line -> reservations.fulfil(line.reservationId()));
        shipments.state(shipment.id(), ShipmentState.SHIPPED, trackingNumber.strip(), null, now);
        progress.advance(order, now, shipment.locationCode());
        publisher.publishEvent(new OrderShipped(orderId, shipment.id(), order.profileId(), locationId,
                trackingNumber.strip(), now));
        return assembler.assemble(orders.lock(orderId));
    }

    @Override
    @Transactional
    public Order delivered(UUID orderId, UUID locationId) {
        return delivered(orderId, locationId, clock.instant());
    }

    @Transactional
    Order delivered(UUID orderId, UUID locationId, Instant now) {
        OrderRow order = orders.lock(orderId);
        Order.Shipment shipment = shipmentAt(order, locationId);
        OrderTransitions.check(order.number(), shipment.locationCode(), shipment.state(), ShipmentState.DELIVERED);
        shipments.state(shipment.id(), ShipmentState.DELIVERED, null, null, now);
        progress.advance(order, now, shipment.locationCode());
        return assembler.assemble(orders.lock(orderId));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<OrderSummary> pickupsDue(UUID locationId, PageRequest page) {
        locations.get(locationId);
        return orders.withShipmentAt(locationId, ShipmentState.READY_FOR_PICKUP, page);
    }

    private Order.Shipment shipmentAt(OrderRow order, UUID locationId) {
        return shipments.ofOrder(order.id()).stream().filter(shipment -> shipment.locationId().equals(locationId))
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
