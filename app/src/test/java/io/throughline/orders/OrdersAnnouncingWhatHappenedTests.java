package io.throughline.orders;

import static io.throughline.orders.OrderFixture.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.orders.internal.OrderPickedUp;
import io.throughline.orders.internal.OrderReadyForPickup;
import io.throughline.support.PlatformTest;
import io.throughline.tracking.Channels;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;

/**
 * The domain events of the orders module, published by the calls that cause them: {@link OrderPlaced} and
 * {@link ReturnAccepted} for loyalty (earning and reversing points), the fulfilment ones inside the module until
 * another listens to them.
 */
@PlatformTest
@RecordApplicationEvents
class OrdersAnnouncingWhatHappenedTests {

    @LocalServerPort
    int port;

    @Autowired
    Orders orders;
    @Autowired
    Fulfilments fulfilments;
    @Autowired
    Returns returns;
    @Autowired
    Channels channels;

    @Test
    void placingReadyingCollectingAndReturningAreAnnounced(ApplicationEvents events) {
        CartFixture carts = new CartFixture(port);
        String wine = carts.product("Tokaji Furmint late harvest", List.of("web"), "80.00");
        carts.receive(wine, "shop-budapest", 5);
        String profile = carts.customer();
        String cart = carts.customerCart("web", profile);
        carts.added(cart, "web", wine, 2);
        UUID shop = UUID.fromString(carts.location("shop-budapest"));
        carts.api.put("/api/carts/" + cart + "/fulfilment?channel=web",
                io.throughline.support.Api.json(Map.of("kind", "PICKUP", "locationId", shop.toString())));
        CheckoutRequest request = JsonMapper.builder().build().convertValue(checkout(cart, "PICKUP",
                Map.of("method", "CARD", "cardNumber", "4242424242424242")), CheckoutRequest.class);

        Order order = orders.checkout(request, channels.resolve("web"), UUID.fromString(profile), OrderFixture.key()).order();
        Order ready = fulfilments.readyForPickup(order.id(), shop);
        fulfilments.pickUp(order.id(), shop, ready.shipments().getFirst().pickupCode(), "shop-budapest", null);
        OrderReturn returned = returns.accept(order.id(), new ReturnRequest(shop, RefundTo.ORIGINAL_PAYMENT,
                List.of(new ReturnRequest.Line(wine, 1)), "gift"), channels.resolve("shop-budapest"));

        OrderPlaced placed = events.stream(OrderPlaced.class).filter(event -> event.orderId().equals(order.id()))
                .findFirst().orElseThrow();
        assertThat(placed.profileId()).isEqualTo(UUID.fromString(profile));
        assertThat(placed.channel()).isEqualTo("web");
        assertThat(placed.total().minor()).isEqualTo(16_000);
        assertThat(placed.items()).containsExactly(new OrderPlaced.Item(wine, 2, placed.total()));
        OrderReadyForPickup readied = events.stream(OrderReadyForPickup.class)
                .filter(event -> event.orderId().equals(order.id())).findFirst().orElseThrow();
        assertThat(readied.locationCode()).isEqualTo("shop-budapest");
        assertThat(readied.pickupCode()).isEqualTo(ready.shipments().getFirst().pickupCode());
        assertThat(events.stream(OrderPickedUp.class).filter(event -> event.orderId().equals(order.id()))).hasSize(1);
        ReturnAccepted accepted = events.stream(ReturnAccepted.class)
                .filter(event -> event.orderId().equals(order.id())).findFirst().orElseThrow();
        assertThat(accepted.returnId()).isEqualTo(returned.id());
        assertThat(accepted.refund().minor()).isEqualTo(8_000);
        assertThat(accepted.orderTotal().minor()).isEqualTo(16_000);
        assertThat(accepted.lines()).containsExactly(new OrderReturn.Line(wine, 1, accepted.refund()));
    }
}
