package io.throughline.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the pricing tests set up through the API as an administrator. Tests price in CZK with SKUs of their own,
 * so the demo brand's HUF, EUR and PLN prices and promotions never touch their carts, nor they each other's.
 */
final class PricingApi {

    final Api api;

    PricingApi(int port) {
        this.api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    /** A fresh SKU prefix for one test. */
    static String skus() {
        return "T" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-";
    }

    String priceList(String name, List<String> channels, @org.jspecify.annotations.Nullable String group, int priority, Map<String, String> prices) {
        Map<String, Object> list = new java.util.HashMap<>(Map.of("name", name, "currency", "CZK",
                "channels", channels, "priority", priority));
        if (group != null) {
            list.put("customerGroup", group);
        }
        var created = api.post("/api/pricing/price-lists", Api.json(list));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        setPrices(id, prices);
        return id;
    }

    void setPrices(String listId, Map<String, String> prices) {
        var set = api.put("/api/pricing/price-lists/" + listId + "/prices", Api.json(Map.of("prices",
                prices.entrySet().stream().map(e -> Map.of("sku", e.getKey(), "price", e.getValue())).toList())));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    String promotion(String json) {
        var created = api.post("/api/pricing/promotions", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A batch of unique codes; returns the batch id. */
    String uniqueBatch(String promotionId, String prefix, int count) {
        var batch = api.post("/api/pricing/promotions/" + promotionId + "/coupon-batches", Api.json(Map.of(
                "name", prefix + " codes", "kind", "UNIQUE", "prefix", prefix, "count", count)));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        return batch.json().get("id").asString();
    }

    void sharedCode(String promotionId, String code) {
        var batch = api.post("/api/pricing/promotions/" + promotionId + "/coupon-batches", Api.json(Map.of(
                "name", code, "kind", "SHARED", "code", code)));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    }

    String grant(String batchId, UUID customerId, String channel) {
        var granted = api.post("/api/pricing/coupons/grants", Api.json(Map.of("batchId", batchId,
                "customerId", customerId.toString(), "channel", channel)));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted.json().get("code").asString();
    }

    Api.Response quote(String json) {
        return api.post("/api/pricing/quotes", json);
    }

    JsonNode quoted(String json) {
        var quote = quote(json);
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        return quote.json();
    }
}
