package io.throughline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Locations, stock and channel rules set up through the API, each with names no other test uses. */
final class StockFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime());

    private final Api api;

    StockFixture(Api api) {
        this.api = api;
    }

    static String uniqueSku() {
        return "T-" + SEQUENCE.incrementAndGet();
    }

    static String uniqueChannel() {
        return "test-" + SEQUENCE.incrementAndGet();
    }

    static Map<String, Object> location(String code, String kind, double latitude, double longitude, boolean pickup) {
        return Map.of("code", code, "name", "Test " + code, "kind", kind,
                "address", Map.of("street", "Fő utca 1.", "city", "Budapest", "postalCode", "1011", "country", "HU"),
                "latitude", latitude, "longitude", longitude,
                "openingHours", List.of(Map.of("day", "MONDAY", "opens", "10:00", "closes", "18:00")),
                "pickup", pickup, "shipFromStore", false);
    }

    String shop(double latitude, double longitude) {
        return create(location("shop-" + SEQUENCE.incrementAndGet(), "SHOP", latitude, longitude, true));
    }

    String warehouse() {
        return create(location("wh-" + SEQUENCE.incrementAndGet(), "WAREHOUSE", 48.12, 21.41, false));
    }

    String create(Map<String, Object> location) {
        var created = api.post("/api/inventory/locations", Api.json(location));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    void receive(String sku, String locationId, int quantity) {
        var movement = api.post("/api/inventory/movements", Api.json(Map.of("sku", sku, "locationId", locationId,
                "kind", "RECEIPT", "quantity", quantity, "reference", "delivery")));
        assertThat(movement.status()).as(movement.body()).isEqualTo(201);
    }

    void allow(String channel, String locationId, int safetyStock) {
        var rule = api.put("/api/inventory/channels/" + channel + "/locations/" + locationId,
                Api.json(Map.of("safetyStock", safetyStock)));
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
    }

    Api.Response reserve(String sku, String locationId, int quantity, String reference, int ttlSeconds) {
        return api.post("/api/inventory/reservations", Api.json(Map.of("sku", sku, "locationId", locationId,
                "quantity", quantity, "reference", reference, "ttlSeconds", ttlSeconds)));
    }

    int available(String channel, String sku) {
        var availability = api.get("/api/inventory/availability?channel=" + channel + "&sku=" + sku);
        assertThat(availability.status()).as(availability.body()).isEqualTo(200);
        return availability.json().get("available").asInt();
    }
}
