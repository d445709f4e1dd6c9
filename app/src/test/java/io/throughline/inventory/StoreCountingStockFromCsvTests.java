package io.throughline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class StoreCountingStockFromCsvTests {

    @LocalServerPort
    int port;

    @Test
    void goodRowsSetOnHandAndEveryBadRowIsReportedByLine() {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        var stock = new StockFixture(api);
        String first = StockFixture.uniqueSku();
        String second = StockFixture.uniqueSku();
        String code = "count-" + System.nanoTime();
        String shop = stock.create(StockFixture.location(code, "SHOP", 47.5, 19.0, true));
        stock.receive(first, shop, 10);
        String csv = "\uFEFF" + String.join("\n",
                "sku,location,counted",
                first + "," + code + ",7",
                "not a sku," + code + ",1",
                second + ",nowhere,3",
                second + "," + code + ",-2",
                second + "," + code + ",many",
                "",
                second.toLowerCase() + "," + code + ",12") + "\n";

        var report = api.send(api.request("/api/inventory/counts/import").header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString(csv)));

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode json = report.json();
        assertThat(json.get("applied").asInt()).isEqualTo(2);
        assertThat(json.get("errors").valueStream()
                .map(error -> error.get("line").asInt() + ":" + error.get("field").asString()).toList())
                .containsExactly("3:sku", "4:location", "5:counted", "6:counted");
        assertThat(level(api, shop, first)).isEqualTo(7);
        assertThat(level(api, shop, second)).isEqualTo(12);
        JsonNode movement = api.get("/api/inventory/locations/" + shop + "/stock/" + first + "/movements").json()
                .get("items").get(0);
        assertThat(movement.get("kind").asString()).isEqualTo("COUNT");
        assertThat(movement.get("quantity").asInt()).isEqualTo(-3);
    }

    @Test
    void aFileWithoutTheExpectedColumnsIsRefusedAsAWhole() {
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);

        var report = api.send(api.request("/api/inventory/counts/import").header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString("article;shop;qty\nA;b;1\n")));

        assertThat(report.json().get("applied").asInt()).isZero();
        assertThat(report.json().get("errors").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(report.json().get("errors").get(0).get("field").asString()).isEqualTo("header");
        assertThat(api.post("/api/inventory/counts", Api.json(Map.of("sku", "ABC", "locationId",
                "00000000-0000-7000-8000-000000000000", "counted", 1))).status()).isEqualTo(400);
    }

    private static int level(Api api, String location, String sku) {
        return api.get("/api/inventory/locations/" + location + "/stock/" + sku).json().get("onHand").asInt();
    }
}
