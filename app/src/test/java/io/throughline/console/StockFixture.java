package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Products with fresh SKUs and barcodes, and stock at the demo brand's locations, set up through the API. */
final class StockFixture {

    private final Api api;

    StockFixture(int port) {
        this.api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    Api api() {
        return api;
    }

    String locationId(String code) {
        return api.get("/api/inventory/locations?size=200").json().get("items").valueStream()
                .filter(location -> location.get("code").asString().equals(code)).findFirst().orElseThrow()
                .get("id").asString();
    }

    /** A product whose variants have these SKUs; a barcode for every SKU given one. */
    void product(String name, Map<String, String> gtinsBySku) {
        List<Map<String, Object>> variants = new ArrayList<>();
        gtinsBySku.forEach((sku, gtin) -> {
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("sku", sku);
            if (!gtin.isEmpty()) {
                variant.put("gtin", gtin);
            }
            variants.add(variant);
        });
        var created = api.post("/api/catalog/products", Api.json(Map.of("name", name, "variants", variants)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    void receive(String sku, String locationId, int units) {
        var received = api.post("/api/inventory/movements", Api.json(Map.of("sku", sku, "locationId", locationId,
                "kind", "RECEIPT", "quantity", units, "reference", "opening stock")));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
    }

    int onHand(String sku, String locationId) {
        return api.get("/api/inventory/locations/" + locationId + "/stock/" + sku).json().get("onHand").asInt();
    }

    static String marker() {
        return Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    /** A fresh EAN-13 with its check digit. */
    static String ean13() {
        StringBuilder digits = new StringBuilder("2");
        for (int i = 0; i < 11; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = digits.charAt(11 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
