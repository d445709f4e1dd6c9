package io.throughline.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.customers.CustomerProfiles;
import io.throughline.inventory.StockLocations;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.OrderState;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.orders.Fulfilments;
import io.throughline.orders.Returns;
import io.throughline.platform.PageRequest;
import io.throughline.support.PlatformTest;
import java.time.Clock;
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
