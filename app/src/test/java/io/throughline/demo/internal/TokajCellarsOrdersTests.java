package io.throughline.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.customers.CustomerProfiles;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.OrderState;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.orders.Fulfilments;
import io.throughline.orders.Returns;
import io.throughline.orders.ShipmentState;
import io.throughline.platform.PageRequest;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class TokajCellarsOrdersTests {

    @Autowired
    DemoOrders demoOrders;

    @Autowired
    Orders orders;

    @Autowired
    Fulfilments fulfilments;

    @Autowired
    Returns returns;

    @Autowired
    CustomerProfiles customers;

    @Autowired
    StockLocations locations;

    @Autowired
    DemoProperties properties;

    @Autowired
    Clock clock;

    @Test
    void demoCustomersOrderedOnTheWebInTheAppAndInAllThreeShopsAndTheOrdersMovedOn() {
        Set<UUID> demoCustomers = demoCustomers();
        List<OrderSummary> theirs = new ArrayList<>();
        demoCustomers.forEach(profile -> theirs.addAll(orders.ofCustomer(profile, new PageRequest(0, 50)).items()));

        assertThat(theirs).hasSizeGreaterThanOrEqualTo(20);
        assertThat(theirs.stream().map(OrderSummary::channel).collect(Collectors.toSet()))
                .contains("web", "app", "shop-budapest", "shop-debrecen", "shop-tokaj");
        assertThat(theirs.stream().map(OrderSummary::delivery).collect(Collectors.toSet()))
                .contains(DeliveryMethod.HOME_DELIVERY, DeliveryMethod.PICKUP, DeliveryMethod.COUNTER);
        assertThat(theirs.stream().map(OrderSummary::state).collect(Collectors.toSet()))
                .contains(OrderState.SHIPPED, OrderState.DELIVERED, OrderState.PICKED_UP, OrderState.READY_FOR_PICKUP,
                        OrderState.PARTIALLY_RETURNED);
        UUID budapest = locations.findByCode("shop-budapest").orElseThrow().id();
        assertThat(fulfilments.pickupsDue(budapest, new PageRequest(0, 200)).items())
                .filteredOn(due -> demoCustomers.contains(due.profileId())).hasSizeGreaterThanOrEqualTo(3);
        UUID debrecen = locations.findByCode("shop-debrecen").orElseThrow().id();
        assertThat(returns.receivedAt(debrecen, new PageRequest(0, 200)).items())
                .filteredOn(taken -> demoCustomers.contains(taken.profileId())).hasSize(1);
    }

    @Test
    void theOrderHistorySpreadsOverMonthsInEveryChannelAndEachStepCameAfterThePlacement() {
        Instant now = clock.instant();
        List<Order> theirs = new ArrayList<>();
        demoCustomers().forEach(profile -> orders.ofCustomer(profile, new PageRequest(0, 50)).items()
                .forEach(summary -> theirs.add(orders.get(summary.id()))));

        List<Instant> placed = theirs.stream().map(Order::placedAt).sorted().toList();
        assertThat(placed.getFirst()).isBefore(now.minus(Duration.ofDays(DemoOrders.HISTORY_DAYS - 10)));
        assertThat(placed.getLast()).isAfter(now.minus(Duration.ofDays(3))).isBefore(now);
        assertThat(placed.stream().map(at -> YearMonth.from(at.atZone(ZoneOffset.UTC))).distinct())
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(placed.stream().map(at -> at.truncatedTo(ChronoUnit.DAYS)).distinct())
                .hasSizeGreaterThanOrEqualTo(theirs.size() - 2);
        for (String channel : List.of("web", "app", "shop-budapest", "shop-debrecen", "shop-tokaj")) {
            assertThat(theirs).as(channel + " sold before the last month")
                    .anyMatch(order -> order.channel().equals(channel)
                            && order.placedAt().isBefore(now.minus(Duration.ofDays(30))));
        }
        for (Order order : theirs) {
            assertThat(order.payments().getFirst().createdAt()).as(order.number()).isBeforeOrEqualTo(order.placedAt())
                    .isAfter(order.placedAt().minus(Duration.ofMinutes(1)));
            for (Order.Shipment shipment : order.shipments()) {
                if (shipment.state() != ShipmentState.ALLOCATED && order.delivery() != DeliveryMethod.COUNTER) {
                    assertThat(shipment.updatedAt()).as(order.number() + " " + shipment.state())
                            .isAfter(order.placedAt().plus(Duration.ofHours(3))).isBefore(now);
                }
            }
            assertThat(order.history().getFirst().at()).as(order.number()).isEqualTo(order.placedAt());
            assertThat(order.history()).extracting(Order.StateChange::at).isSorted();
            order.returns().forEach(taken -> assertThat(taken.acceptedAt()).as(order.number())
                    .isAfter(order.placedAt().plus(Duration.ofDays(7))).isBefore(now));
        }
        assertThat(theirs).filteredOn(order -> order.state() == OrderState.READY_FOR_PICKUP)
                .isNotEmpty().allMatch(order -> order.placedAt().isAfter(now.minus(Duration.ofDays(3))));
        assertThat(theirs).filteredOn(order -> order.state() == OrderState.PARTIALLY_RETURNED).hasSize(1);
    }

    @Test
    void loadingAgainPlacesNothing() {
        long before = orders.list(Orders.Filter.any(), new PageRequest(0, 1)).totalItems();

        assertThat(demoOrders.load()).isZero();

        assertThat(orders.list(Orders.Filter.any(), new PageRequest(0, 1)).totalItems()).isEqualTo(before);
    }

    private Set<UUID> demoCustomers() {
        return new DemoCustomerGenerator().generate(properties.customers(), clock.instant()).stream()
                .filter(customer -> customer.details().email() != null).limit(DemoOrders.CUSTOMERS)
                .map(customer -> customers.findByEmail(customer.details().email()).orElseThrow().id())
                .collect(Collectors.toSet());
    }
}
