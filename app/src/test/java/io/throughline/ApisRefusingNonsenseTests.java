package io.throughline;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A buggy or hostile integration sends every write endpoint of the commerce, messaging and journeys APIs bodies that
 * are not what it expects: broken JSON, the wrong shapes, wrong types, absurd numbers. Each answer is a 4xx
 * problem document, never a 500.
 */
@PlatformTest
class ApisRefusingNonsenseTests {

    private static final String ID = UUID.randomUUID().toString();

    private static final List<String> ENDPOINTS = List.of(
            "POST /api/catalog/categories", "POST /api/catalog/products", "PATCH /api/catalog/products/" + ID,
            "PUT /api/catalog/products/" + ID, "POST /api/catalog/products/" + ID + "/variants",
            "PUT /api/catalog/products/" + ID + "/assortment",
            "POST /api/inventory/locations", "PUT /api/inventory/locations/" + ID, "POST /api/inventory/movements",
            "POST /api/inventory/transfers", "POST /api/inventory/counts", "POST /api/inventory/reservations",
            "POST /api/inventory/reservations/" + ID + "/extend",
            "PUT /api/inventory/channels/web/locations/" + ID,
            "POST /api/pricing/quotes", "POST /api/pricing/redemptions", "POST /api/pricing/coupons/grants",
            "POST /api/pricing/price-lists", "PUT /api/pricing/price-lists/" + ID + "/prices",
            "POST /api/pricing/promotions", "PUT /api/pricing/promotions/" + ID,
            "POST /api/pricing/promotions/" + ID + "/coupon-batches",
            "POST /api/carts?channel=web", "POST /api/carts/" + ID + "/lines?channel=web",
            "PATCH /api/carts/" + ID + "/lines/TK-X?channel=web", "POST /api/carts/" + ID + "/coupons?channel=web",
            "PUT /api/carts/" + ID + "/fulfilment?channel=web", "POST /api/carts/" + ID + "/merge?channel=web",
            "POST /api/orders?channel=web", "POST /api/orders/" + ID + "/cancel?channel=web",
            "POST /api/orders/" + ID + "/returns?channel=web",
            "POST /api/fulfilment/shop-budapest/orders/" + ID + "/picked-up",
            "POST /api/fulfilment/shop-budapest/orders/" + ID + "/shipped",
            "POST /api/messaging/messages", "PUT /api/messaging/messages/" + ID,
            "POST /api/messaging/messages/" + ID + "/send", "POST /api/messaging/messages/" + ID + "/preview",
            "POST /api/messaging/delivery-reports", "PATCH /api/messaging/settings",
            "POST /api/journeys", "PUT /api/journeys/no-such-journey", "POST /api/journeys/no-such-journey/entries",
            "POST /api/journeys/no-such-journey/dry-run");

    private static final List<String> BODIES = List.of(
            "{", "[]", "null", "\"text\"", "{\"sku\": {\"nested\": true}, \"quantity\": \"many\"}",
            "{\"quantity\": 1e400, \"price\": 99999999999999999999999, \"currency\": 42}",
            "{\"lines\": [{\"sku\": \"\", \"quantity\": -1}], \"channel\": \"\"}",
            "[".repeat(5_000) + "]".repeat(5_000));

    @LocalServerPort
    int port;

    static Stream<Arguments> endpointsAndBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            for (String body : BODIES) {
                cases.add(Arguments.of(endpoint, body));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("endpointsAndBodies")
    void nonsenseIsAClientErrorWithAProblemDocument(String endpoint, String body) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        Api admin = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);

        Api.Response response = switch (method) {
            case "POST" -> admin.post(path, body);
            case "PUT" -> admin.put(path, body);
            default -> admin.patch(path, body);
        };

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
    }
}
