package io.throughline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Categories and products set up through the management API as the first administrator, for the tests of the
 * catalogue and of the modules that sell from it. Each set-up call fails the test at once if the platform
 * refuses it, naming why, so a test's own assertions only ever see data that was really created.
 */
public final class CatalogueFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public final Api api;

    public CatalogueFixture(int port) {
        this.api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    /** A number no other call in this run gets, for SKUs, GTINs and names that must not collide. */
    public static long unique() {
        return SEQUENCE.incrementAndGet();
    }

    /** A fresh EAN-13 in the in-store range 20–29 with its right check digit. */
    public static String gtin() {
        String payload = "2" + String.format("%011d", unique() % 100_000_000_000L);
        return payload + Gtin.checkDigit(payload);
    }

    /** A category, under the parent if one is given; returns its id. */
    public String category(String name, @Nullable String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        var created = api.post("/api/catalog/categories", Api.json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A product as the body describes it; returns its id. */
    public String product(Map<String, Object> body) {
        var created = api.post("/api/catalog/products", Api.json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A product of one variant, in the categories given; returns its id. */
    public String product(String name, String sku, String... categoryIds) {
        return product(Map.of("name", name, "variants", List.of(Map.of("sku", sku)),
                "categoryIds", List.of(categoryIds)));
    }
}
