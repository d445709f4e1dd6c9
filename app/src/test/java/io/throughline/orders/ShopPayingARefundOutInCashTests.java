package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A bottle paid by card in Budapest comes back in Tokaj, whose till pays the money out in cash: the card payment
 * keeps what it took, the return says where the money went; only a shop's till pays out cash.
 */
@PlatformTest
class ShopPayingARefundOutInCashTests {

    @LocalServerPort
    int port;

    @Test
    void anotherShopsTillPaysTheRefundOutInCashAndTheCardKeepsItsPayment() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        Api api = fixture.api;
        String wine = carts.product("Cash back Furmint", List.of("shop-budapest", "shop-tokaj"), "500.00");
        carts.receive(wine, "shop-budapest", 4);
        String profile = carts.customer();
        String cart = fixture.cartWith("shop-budapest", profile, wine, 2);
        JsonNode sold = fixture.placed("shop-budapest", "&profileId=" + profile,
                OrderFixture.checkout(cart, "COUNTER", OrderFixture.paidBy("CARD_PRESENT")));
        String order = sold.get("id").asString();
        Map<String, Object> request = Map.of("locationId", carts.location("shop-tokaj"), "refundTo", "CASH",
                "lines", List.of(Map.of("sku", wine, "quantity", 1)));

        var online = api.post("/api/orders/" + order + "/returns?channel=web", Api.json(request));
        assertThat(online.status()).as(online.body()).isEqualTo(400);
        assertThat(OrderFixture.fields(online)).containsExactly("refundTo");

        var returned = api.post("/api/orders/" + order + "/returns?channel=shop-tokaj", Api.json(request));

        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        assertThat(returned.json().get("refundTo").asString()).isEqualTo("CASH");
        assertThat(returned.json().get("refund").get("minor").asLong()).isEqualTo(50_000);
        JsonNode after = api.get("/api/orders/" + order).json();
        assertThat(after.get("state").asString()).isEqualTo("PARTIALLY_RETURNED");
        assertThat(after.get("payments").get(0).get("state").asString()).isEqualTo("CAPTURED");
        assertThat(after.get("payments").get(0).get("refunded").get("minor").asLong()).isZero();
        assertThat(after.get("returns").get(0).get("refundTo").asString()).isEqualTo("CASH");
    }
}
