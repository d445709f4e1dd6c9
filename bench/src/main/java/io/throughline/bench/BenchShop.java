package io.throughline.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the commerce benchmarks do through the API as a web shop would: products of their own, sold on the web,
 * stocked at the demo warehouse and priced in HUF (so the demo brand's HUF promotions apply), and anonymous carts.
 */
final class BenchShop {

    static final String CHANNEL = "web";
    private static final int STOCK = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.net.http.HttpClient SETUP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    private BenchShop() {}

    /**
     * Products {@code <skuPrefix>0…} named {@code <name> 0…}, a million units each at the demo warehouse, priced
     * from {@code firstPrice} HUF up in steps of 100 on a price list of the name; returns their SKUs.
     */
    static List<String> products(AdminApi admin, String skuPrefix, String name, int count, int firstPrice,
            String priceList) throws IOException, InterruptedException {
        String warehouse = null;
        for (JsonNode location : admin.get("/api/inventory/locations?size=200").path("items")) {
            if (location.path("code").asString().equals("warehouse-tokaj")) {
                warehouse = location.path("id").asString();
            }
        }
        if (warehouse == null) {
            throw new IllegalStateException("the demo warehouse is missing: was the demo brand loaded?");
        }
        List<String> skus = new ArrayList<>();
        StringBuilder prices = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String sku = skuPrefix + i;
            post(admin, "/api/catalog/products", """
                    {"name":"%s %d","assortment":[{"channel":"%s","from":"2020-01-01T00:00:00Z"}],
                     "variants":[{"sku":"%s"}]}""".formatted(name, i, CHANNEL, sku));
            post(admin, "/api/inventory/movements", """
                    {"sku":"%s","locationId":"%s","kind":"RECEIPT","quantity":%d}""".formatted(sku, warehouse, STOCK));
            prices.append(prices.isEmpty() ? "" : ",").append("{\"sku\":\"%s\",\"price\":\"%d\"}"
                    .formatted(sku, firstPrice + 100 * i));
            skus.add(sku);
        }
        String list = post(admin, "/api/pricing/price-lists",
                "{\"name\":\"" + priceList + "\",\"currency\":\"HUF\",\"channels\":[],\"priority\":10}")
                .path("id").asString();
        send(admin.request("/api/pricing/price-lists/" + list + "/prices").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"prices\":[" + prices + "]}")).build());
        return skus;
    }

    /** A new anonymous HUF cart on the web, or null when the platform did not open one. */
    static String openCart(FreshPlatform platform, AdminApi admin, String anonymousId) throws InterruptedException {
        try {
            HttpResponse<String> opened = platform.http().send(admin.request("/api/carts?channel=" + CHANNEL)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"anonymousId\":\"" + anonymousId
                            + "\",\"currency\":\"HUF\"}")).build(), HttpResponse.BodyHandlers.ofString());
            return opened.statusCode() == 201 ? JSON.readTree(opened.body()).path("id").asString() : null;
        } catch (IOException transport) {
            return null;
        }
    }

    /** The answer's status, or {@link Tally#TRANSPORT_ERROR}. */
    static int status(FreshPlatform platform, HttpRequest request) throws InterruptedException {
        try {
            return platform.http().send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (IOException transport) {
            return Tally.TRANSPORT_ERROR;
        }
    }

    private static JsonNode post(AdminApi admin, String path, String body) throws IOException, InterruptedException {
        return send(admin.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = SETUP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
