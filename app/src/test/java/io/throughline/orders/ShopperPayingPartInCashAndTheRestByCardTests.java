package io.throughline.orders;

import static io.throughline.orders.OrderFixture.assertRefused;
import static io.throughline.orders.OrderFixture.checkout;
import static io.throughline.orders.OrderFixture.key;
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
 * A till sale paid partly in cash and the rest on the card terminal: the order carries both tenders, a split is
 * refused outside a till or when its parts leave nothing for the rest, and a refund to the original payment goes
 * back from the first tender on.
 */
@PlatformTest
class ShopperPayingPartInCashAndTheRestByCardTests {

    @LocalServerPort
    int port;

    @Test
    void theOrderCarriesBothTendersAndARefundGoesBackAcrossThem() {
        OrderFixture fixture = new OrderFixture(port);
        CartFixture carts = fixture.carts;
        Api api = fixture.api;
        String wine = carts.product("Split Furmint", List.of("web", "shop-budapest"), "450.00");
        carts.receive(wine, "shop-budapest", 4);
        carts.receive(wine, "warehouse-tokaj", 4);
        String profile = carts.customer();

        String online = carts.customer();
        String web = fixture.cartWith("web", online, wine, 1);
        assertRefused(fixture.checkout("web", "&profileId=" + online, key(), checkout(web, "HOME_DELIVERY",
                Map.of("method", "CARD", "cardNumber", OrderFixture.APPROVE,
                        "parts", List.of(Map.of("method", "CASH", "amountMinor", 100_00))))), 400, "payment.method");

        String till = fixture.cartWith("shop-budapest", profile, wine, 2);
        assertRefused(fixture.checkout("shop-budapest", "&profileId=" + profile, key(), checkout(till, "COUNTER",
                Map.of("method", "CARD_PRESENT", "parts", List.of(Map.of("method", "CASH", "amountMinor", 900_00))))),
                400, "payment.parts");
        assertRefused(fixture.checkout("shop-budapest", "&profileId=" + profile, key(), checkout(till, "COUNTER",
                Map.of("method", "CARD_PRESENT", "parts", List.of(Map.of("method", "CASH", "amountMinor", 0))))),
                400, "payment.parts[0].amountMinor");

        JsonNode order = fixture.placed("shop-budapest", "&profileId=" + profile, checkout(till, "COUNTER",
                Map.of("method", "CARD_PRESENT", "parts", List.of(Map.of("method", "CASH", "amountMinor", 600_00)))));

        assertThat(order.get("total").get("minor").asLong()).isEqualTo(900_00);
        assertThat(tenders(order)).containsExactly("CASH 60000 CAPTURED 0", "CARD_PRESENT 30000 CAPTURED 0");
        String id = order.get("id").asString();
        assertThat(tenders(api.get("/api/orders/" + id).json())).as("as read back")
                .containsExactly("CASH 60000 CAPTURED 0", "CARD_PRESENT 30000 CAPTURED 0");

        String budapest = carts.location("shop-budapest");
        var first = api.post("/api/orders/" + id + "/returns?channel=shop-budapest", Api.json(Map.of(
                "locationId", budapest, "refundTo", "ORIGINAL_PAYMENT", "lines", List.of(Map.of("sku", wine,
                        "quantity", 1)))));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(tenders(api.get("/api/orders/" + id).json()))
                .containsExactly("CASH 60000 PARTIALLY_REFUNDED 45000", "CARD_PRESENT 30000 CAPTURED 0");
        var second = api.post("/api/orders/" + id + "/returns?channel=shop-budapest", Api.json(Map.of(
                "locationId", budapest, "refundTo", "ORIGINAL_PAYMENT", "lines", List.of(Map.of("sku", wine,
                        "quantity", 1)))));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(tenders(api.get("/api/orders/" + id).json()))
                .containsExactly("CASH 60000 REFUNDED 60000", "CARD_PRESENT 30000 REFUNDED 30000");
    }

    private static List<String> tenders(JsonNode order) {
        return order.get("payments").valueStream().map(payment -> payment.get("method").asString() + " "
                + payment.get("amount").get("minor").asLong() + " " + payment.get("state").asString() + " "
                + payment.get("refunded").get("minor").asLong()).toList();
    }
}
