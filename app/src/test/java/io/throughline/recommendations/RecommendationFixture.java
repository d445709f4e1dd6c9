package io.throughline.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A small order history of its own, imported as a legacy system's CSV file would be (products made from the
 * descriptions, sold on the web), and questions to the recommendations API.
 */
final class RecommendationFixture {

    static final String MAPPING = """
            {"columns": {"orderNumber": "order", "time": "time", "sku": "sku", "description": "name",
                         "quantity": "quantity", "unitPrice": "price", "customer": "customer"},
             "timeFormat": "yyyy-MM-dd HH:mm:ss", "timeZone": "UTC", "customerType": "user_id",
             "currency": "EUR", "channel": "web", "unknownProducts": "CREATE"}""";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    final String tag = "R" + Long.toString(System.nanoTime(), 36).toUpperCase();
    private final int port;
    private final List<String> lines = new ArrayList<>();
    private int orders;

    RecommendationFixture(int port) {
        this.port = port;
    }

    Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    String sku(String letter) {
        return tag + "-" + letter;
    }

    String name(String letter) {
        return "Product " + letter + " " + tag;
    }

    String customer(String who) {
        return tag + "-" + who;
    }

    /** An order of the customer, some days ago, one of each product named by its letter. */
    RecommendationFixture order(String who, int daysAgo, String... letters) {
        String number = tag + "-" + (++orders);
        String at = TIME.format(Instant.now().minus(Duration.ofDays(daysAgo)));
        for (String letter : letters) {
            lines.add(String.join(",", number, at, sku(letter), name(letter), "1", "10.00", customer(who)));
        }
        return this;
    }

    /** An order of the customer, some days ago, one of each of the products named by their SKUs. */
    RecommendationFixture orderOf(String who, int daysAgo, String... skus) {
        String number = tag + "-" + (++orders);
        String at = TIME.format(Instant.now().minus(Duration.ofDays(daysAgo)));
        for (String sku : skus) {
            lines.add(String.join(",", number, at, sku, "Product " + sku, "1", "10.00", customer(who)));
        }
        return this;
    }

    /** Imports the orders and waits until the import is done. */
    void imported() {
        String csv = "order,time,sku,name,quantity,price,customer\n" + String.join("\n", lines) + "\n";
        String boundary = "----recs" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + MAPPING
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"history.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        Api.Response accepted = api().send(api().request("/api/imports/orders")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String path = "/api/imports/orders/" + accepted.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !api().get(path).json().get("state").asString().equals("RUNNING"));
        JsonNode done = api().get(path).json();
        assertThat(done.get("ordersImported").asInt()).as(done.toString()).isEqualTo(orders);
    }

    JsonNode ask(String query) {
        Api.Response answer = api().get("/api/recommendations?" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    JsonNode forCustomer(String who, String rest) {
        return ask("identity=" + URLEncoder.encode("user_id:" + customer(who), StandardCharsets.UTF_8) + "&" + rest);
    }

    static List<String> skus(JsonNode list) {
        List<String> skus = new ArrayList<>();
        list.get("items").forEach(item -> skus.add(item.get("sku").asString()));
        return skus;
    }

    static JsonNode item(JsonNode list, String sku) {
        for (JsonNode item : list.get("items")) {
            if (item.get("sku").asString().equals(sku)) {
                return item;
            }
        }
        throw new AssertionError(sku + " is not in " + list);
    }
}
