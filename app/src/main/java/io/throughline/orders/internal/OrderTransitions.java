package io.throughline.orders.internal;

import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.OrderState;
import io.throughline.orders.ShipmentState;
import io.throughline.platform.ConflictException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine: which moves an order and a shipment may make, and the order's state as it follows
 * from its shipments. A move not listed is refused with a conflict naming the state it was refused in.
 */
final class OrderTransitions {

    private static final Map<OrderState, Set<OrderState>> ORDER = new EnumMap<>(OrderState.class);
    private static final Map<ShipmentState, Set<ShipmentState>> SHIPMENT = new EnumMap<>(ShipmentState.class);

    static {
        ORDER.put(OrderState.PLACED, EnumSet.of(OrderState.READY_FOR_PICKUP, OrderState.PARTIALLY_FULFILLED,
                OrderState.SHIPPED, OrderState.PICKED_UP, OrderState.CANCELLED));
        ORDER.put(OrderState.READY_FOR_PICKUP, EnumSet.of(OrderState.PICKED_UP, OrderState.PARTIALLY_FULFILLED,
                OrderState.CANCELLED));
        ORDER.put(OrderState.PARTIALLY_FULFILLED, EnumSet.of(OrderState.SHIPPED, OrderState.PICKED_UP,
                OrderState.DELIVERED, OrderState.PARTIALLY_RETURNED));
        ORDER.put(OrderState.SHIPPED, EnumSet.of(OrderState.DELIVERED, OrderState.PARTIALLY_RETURNED,
                OrderState.RETURNED));
        ORDER.put(OrderState.PICKED_UP, EnumSet.of(OrderState.PARTIALLY_RETURNED, OrderState.RETURNED));
        ORDER.put(OrderState.DELIVERED, EnumSet.of(OrderState.PARTIALLY_RETURNED, OrderState.RETURNED));
        ORDER.put(OrderState.PARTIALLY_RETURNED, EnumSet.of(OrderState.RETURNED));
        ORDER.put(OrderState.CANCELLED, EnumSet.noneOf(OrderState.class));
        ORDER.put(OrderState.RETURNED, EnumSet.noneOf(OrderState.class));

        SHIPMENT.put(ShipmentState.ALLOCATED, EnumSet.of(ShipmentState.READY_FOR_PICKUP, ShipmentState.SHIPPED,
                ShipmentState.PICKED_UP, ShipmentState.CANCELLED));
        SHIPMENT.put(ShipmentState.READY_FOR_PICKUP, EnumSet.of(ShipmentState.PICKED_UP, ShipmentState.CANCELLED));
        SHIPMENT.put(ShipmentState.SHIPPED, EnumSet.of(ShipmentState.DELIVERED));
        SHIPMENT.put(ShipmentState.PICKED_UP, EnumSet.noneOf(ShipmentState.class));
        SHIPMENT.put(ShipmentState.DELIVERED, EnumSet.noneOf(ShipmentState.class));
        SHIPMENT.put(ShipmentState.CANCELLED, EnumSet.noneOf(ShipmentState.class));
    }

    private OrderTransitions() {}

    static boolean allowed(OrderState from, OrderState to) {
        return ORDER.get(from).contains(to);
    }

    static void check(String orderNumber, OrderState from, OrderState to) {
        if (!allowed(from, to)) {
            throw new ConflictException("state", "Order " + orderNumber + " is " + from + "; it cannot become " + to);
        }
    }

    static void check(String orderNumber, String locationCode, ShipmentState from, ShipmentState to) {
        if (!SHIPMENT.get(from).contains(to)) {
            throw new ConflictException("state", "The shipment of order " + orderNumber + " at " + locationCode
                    + " is " + from + "; it cannot become " + to);
        }
    }

    /** Whether the shipment's goods have left the location with the customer or a carrier. */
    static boolean handedOver(ShipmentState state) {
        return state == ShipmentState.SHIPPED || state == ShipmentState.PICKED_UP || state == ShipmentState.DELIVERED;
    }

    /** Whether a shipment in this state is still to be picked from the location's shelves. */
    static boolean toPick(ShipmentState state) {
        return state == ShipmentState.ALLOCATED;
    }

    /**
     * The order's state as its shipments and returns say. A return outranks fulfilment (the goods came back);
     * shipments all in one state give that state; a mix of handed-over and waiting ones is partial fulfilment.
     */
    static OrderState derive(OrderState current, DeliveryMethod delivery, Collection<ShipmentState> shipments,
            int sold, int returned) {
        if (current == OrderState.CANCELLED) {
            return current;
        }
        if (returned > 0) {
            return returned >= sold ? OrderState.RETURNED : OrderState.PARTIALLY_RETURNED;
        }
        if (shipments.isEmpty()) {
            return current;
        }
        if (shipments.stream().allMatch(state -> state == ShipmentState.CANCELLED)) {
            return OrderState.CANCELLED;
        }
        if (all(shipments, ShipmentState.PICKED_UP)) {
            return OrderState.PICKED_UP;
        }
        if (all(shipments, ShipmentState.DELIVERED)) {
            return OrderState.DELIVERED;
        }
        if (shipments.stream().allMatch(state -> state == ShipmentState.SHIPPED || state == ShipmentState.DELIVERED)) {
            return OrderState.SHIPPED;
        }
        if (all(shipments, ShipmentState.READY_FOR_PICKUP) && delivery == DeliveryMethod.PICKUP) {
            return OrderState.READY_FOR_PICKUP;
        }
        if (shipments.stream().anyMatch(OrderTransitions::handedOver)) {
            return OrderState.PARTIALLY_FULFILLED;
        }
        return current == OrderState.READY_FOR_PICKUP ? current : OrderState.PLACED;
    }

    /** An order can be cancelled while nothing of it has been handed over. */
    static void checkCancellable(String orderNumber, OrderState state, Collection<ShipmentState> shipments) {
        check(orderNumber, state, OrderState.CANCELLED);
        if (shipments.stream().anyMatch(OrderTransitions::handedOver)) {
            throw new ConflictException("state", "Order " + orderNumber + " is " + state
                    + " with goods already handed over; return them instead");
        }
    }

    private static boolean all(Collection<ShipmentState> shipments, ShipmentState state) {
        return shipments.stream().allMatch(candidate -> candidate == state);
    }
}
