package io.throughline.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.orders.CheckoutRequest;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.Order;
import io.throughline.orders.OrderState;
import io.throughline.orders.PaymentMethod;
import io.throughline.orders.ReturnRequest;
import io.throughline.orders.ShipmentState;
import io.throughline.orders.ShippingAddress;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderPoliciesTests {

    @Nested
    class TheOrderStateMachine {

        @Test
        void whatTheConsoleOffersToCancelIsWhatThePolicyLetsBeCancelled() {
            for (OrderState state : OrderState.values()) {
                assertThat(state.cancellable()).as(state.name())
                        .isEqualTo(OrderTransitions.allowed(state, OrderState.CANCELLED));
            }
        }

        @Test
        void anOrderMovesForwardOnlyAndNamesTheStateItWasRefusedIn() {
            assertThat(OrderTransitions.allowed(OrderState.PLACED, OrderState.READY_FOR_PICKUP)).isTrue();
            assertThat(OrderTransitions.allowed(OrderState.PICKED_UP, OrderState.PARTIALLY_RETURNED)).isTrue();
            assertThat(OrderTransitions.allowed(OrderState.SHIPPED, OrderState.PLACED)).isFalse();
            assertThat(OrderTransitions.allowed(OrderState.RETURNED, OrderState.PARTIALLY_RETURNED)).isFalse();
            assertThatThrownBy(() -> OrderTransitions.check("O-1", OrderState.CANCELLED, OrderState.SHIPPED))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("CANCELLED");
            assertThatThrownBy(() -> OrderTransitions.check("O-1", "shop-budapest", ShipmentState.SHIPPED,
                    ShipmentState.READY_FOR_PICKUP)).isInstanceOf(ConflictException.class).hasMessageContaining("SHIPPED");
        }

        @Test
        void theOrdersStateFollowsItsShipmentsAndReturns() {
            assertThat(OrderTransitions.derive(OrderState.PLACED, DeliveryMethod.SHIP_FROM_STORE,
                    List.of(ShipmentState.SHIPPED, ShipmentState.ALLOCATED), 4, 0)).isEqualTo(OrderState.PARTIALLY_FULFILLED);
            assertThat(OrderTransitions.derive(OrderState.PARTIALLY_FULFILLED, DeliveryMethod.SHIP_FROM_STORE,
                    List.of(ShipmentState.SHIPPED, ShipmentState.DELIVERED), 4, 0)).isEqualTo(OrderState.SHIPPED);
            assertThat(OrderTransitions.derive(OrderState.SHIPPED, DeliveryMethod.HOME_DELIVERY,
                    List.of(ShipmentState.DELIVERED), 4, 0)).isEqualTo(OrderState.DELIVERED);
            assertThat(OrderTransitions.derive(OrderState.PLACED, DeliveryMethod.PICKUP,
                    List.of(ShipmentState.READY_FOR_PICKUP), 2, 0)).isEqualTo(OrderState.READY_FOR_PICKUP);
            assertThat(OrderTransitions.derive(OrderState.DELIVERED, DeliveryMethod.HOME_DELIVERY,
                    List.of(ShipmentState.DELIVERED), 4, 1)).isEqualTo(OrderState.PARTIALLY_RETURNED);
            assertThat(OrderTransitions.derive(OrderState.PARTIALLY_RETURNED, DeliveryMethod.HOME_DELIVERY,
                    List.of(ShipmentState.DELIVERED), 4, 4)).isEqualTo(OrderState.RETURNED);
        }

        @Test
        void nothingHandedOverCanBeCancelledAndAnythingHandedOverCannot() {
            OrderTransitions.checkCancellable("O-1", OrderState.READY_FOR_PICKUP, List.of(ShipmentState.READY_FOR_PICKUP));
            assertThatThrownBy(() -> OrderTransitions.checkCancellable("O-1", OrderState.PARTIALLY_FULFILLED,
                    List.of(ShipmentState.SHIPPED, ShipmentState.ALLOCATED))).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("PARTIALLY_FULFILLED");
        }
    }

    @Nested
    class ShipFromStoreAllocation {

        private final UUID budapest = UUID.randomUUID();
        private final UUID tokaj = UUID.randomUUID();
        private final UUID szeged = UUID.randomUUID();

        private List<AllocationPolicy.Site> sites(int atBudapest, int atTokaj, int atSzeged) {
            return List.of(
                    new AllocationPolicy.Site(tokaj, "shop-tokaj", 48.1176, 21.4097, "3910", Map.of("W", atTokaj)),
                    new AllocationPolicy.Site(budapest, "shop-budapest", 47.5003, 19.0590, "1061", Map.of("W", atBudapest)),
                    new AllocationPolicy.Site(szeged, "shop-szeged", 46.2530, 20.1414, "6720", Map.of("W", atSzeged)));
        }

        @Test
        void theNearestShopWithStockShipsEverythingItCan() {
            var nearBudapest = new AllocationPolicy.Destination(47.49, 19.04, "1011");
            assertThat(AllocationPolicy.allocate(Map.of("W", 3), sites(5, 5, 5), nearBudapest))
                    .containsExactly(new AllocationPolicy.Allocation(budapest, "shop-budapest", "W", 3));
        }

        @Test
        void whenTheNearestHasTooFewTheRestComesFromTheNextNearest() {
            var nearBudapest = new AllocationPolicy.Destination(47.49, 19.04, "1011");
            // Szeged (~160 km) is nearer to Budapest than Tokaj (~190 km).
            assertThat(AllocationPolicy.allocate(Map.of("W", 6), sites(2, 9, 3), nearBudapest)).containsExactly(
                    new AllocationPolicy.Allocation(budapest, "shop-budapest", "W", 2),
                    new AllocationPolicy.Allocation(szeged, "shop-szeged", "W", 3),
                    new AllocationPolicy.Allocation(tokaj, "shop-tokaj", "W", 1));
        }

        @Test
        void withoutCoordinatesThePostcodeRegionComesFirst() {
            var inTokajRegion = new AllocationPolicy.Destination(null, null, "3950");
            assertThat(AllocationPolicy.allocate(Map.of("W", 1), sites(5, 5, 5), inTokajRegion))
                    .containsExactly(new AllocationPolicy.Allocation(tokaj, "shop-tokaj", "W", 1));
        }

        @Test
        void tooFewEverywhereIsAConflictNamingTheSku() {
            assertThatThrownBy(() -> AllocationPolicy.allocate(Map.of("W", 20), sites(1, 2, 3),
                    new AllocationPolicy.Destination(null, null, "1011")))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("W").hasMessageContaining("6 of 20");
        }
    }

    @Nested
    class Returns {

        private final Order.Line line = new Order.Line(0, "W", null, "Wine", 3, huf(33_334), huf(100_000),
                huf(-1), huf(99_999), 0);

        @Test
        void eachUnitRefundsItsShareAndTheWholeLineRefundsExactlyItsTotal() {
            var first = ReturnPolicy.refunds(List.of(line), Map.of("W", 3), List.of(new ReturnRequest.Line("W", 1)));
            assertThat(first.getFirst().amount()).isEqualTo(huf(33_333));
            var returnedOne = new Order.Line(0, "W", null, "Wine", 3, huf(33_334), huf(100_000), huf(-1), huf(99_999), 1);
            var rest = ReturnPolicy.refunds(List.of(returnedOne), Map.of("W", 3), List.of(new ReturnRequest.Line("W", 2)));
            assertThat(rest.getFirst().amount()).isEqualTo(huf(66_666));
            assertThat(rest.getFirst().returnedAfter()).isEqualTo(3);
        }

        @Test
        void notMoreThanWasHandedOverAndNotYetReturned() {
            assertThatThrownBy(() -> ReturnPolicy.refunds(List.of(line), Map.of("W", 2),
                    List.of(new ReturnRequest.Line("W", 1), new ReturnRequest.Line("W", 2))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("lines[0].quantity");
            assertThatThrownBy(() -> ReturnPolicy.refunds(List.of(line), Map.of("W", 3),
                    List.of(new ReturnRequest.Line("X", 1)))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("lines[0].sku");
        }

        private static Money huf(long minor) {
            return new Money(minor, "HUF");
        }
    }

    @Nested
    class CheckoutRules {

        private static final ShippingAddress ADDRESS = new ShippingAddress("Réka", "Fő utca 1.", "Budapest", "1011",
                "HU", null, null);

        private static CheckoutRequest request(DeliveryMethod delivery, PaymentMethod method, String card) {
            return new CheckoutRequest(UUID.randomUUID(), delivery, ADDRESS,
                    new CheckoutRequest.PaymentDetails(method, card));
        }

        @Test
        void cashTheTerminalAndTheCounterAreOnlyForShops() {
            assertThatThrownBy(() -> CheckoutPolicy.check(request(DeliveryMethod.HOME_DELIVERY, PaymentMethod.CASH, null),
                    false)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("payment.method");
            assertThatThrownBy(() -> CheckoutPolicy.check(request(DeliveryMethod.COUNTER, PaymentMethod.CARD,
                    "4242424242424242"), false)).hasMessageContaining("delivery");
            assertThat(CheckoutPolicy.check(request(DeliveryMethod.COUNTER, PaymentMethod.CASH, null), true)).isNull();
        }

        @Test
        void payAtPickupIsOnlyForClickAndCollect() {
            assertThatThrownBy(() -> CheckoutPolicy.check(request(DeliveryMethod.HOME_DELIVERY,
                    PaymentMethod.PAY_AT_PICKUP, null), false)).hasMessageContaining("payment.method");
            assertThat(CheckoutPolicy.check(request(DeliveryMethod.PICKUP, PaymentMethod.PAY_AT_PICKUP, null), false))
                    .isNull();
        }

        @Test
        void cardNumbersMustPassTheCheckDigitAndBeTestCards() {
            assertThat(CheckoutPolicy.check(request(DeliveryMethod.HOME_DELIVERY, PaymentMethod.CARD,
                    "4242 4242 4242 4242"), false)).isEqualTo("4242424242424242");
            assertThatThrownBy(() -> CheckoutPolicy.cardNumber("4242424242424241")).hasMessageContaining("check digit");
            assertThatThrownBy(() -> TestCards.outcome("4111111111111111")).hasMessageContaining("not a test card");
            assertThat(TestCards.outcome("4000000000000002")).isEqualTo(TestCards.Outcome.DECLINE);
            assertThat(TestCards.outcome("4000000000000119")).isEqualTo(TestCards.Outcome.PROCESSING_ERROR);
            assertThat(TestCards.outcome("4000000000000259")).isEqualTo(TestCards.Outcome.SLOW_APPROVE);
        }
    }
}
