package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A marketer turns a percentage promotion into a bundle price and then into spend tiers in the console: a line
 * that is no bundle line is refused at its field with what she typed kept, what the form has no field for (the
 * customer groups) stays as it was, and the promotions list words the new terms.
 */
@PlatformTest
class MarketerEditingAPromotionInConsoleTests {

    @LocalServerPort
    int port;

    @Test
    void sheMakesItABundleThenSpendTiersAndTheRestOfItsConditionsStay() {
        Api api = new Admin(port).api();
        String name = "Cellar bundle " + System.nanoTime();
        var created = api.post("/api/pricing/promotions", Api.json(Map.of("name", name, "currency", "HUF",
                "reward", Map.of("type", "PERCENT_OFF", "percent", 5, "scope", "ORDER"),
                "conditions", Map.of("customerGroups", List.of("wine-club")), "stacking", "STACKABLE")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        ConsoleSession marketer = new ConsoleSession(port);
        marketer.signIn("marketing@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);
        String edit = "/pricing/promotions/" + id + "/edit";
        assertThat(marketer.get("/pricing/promotions").body()).contains("href=\"" + edit + "\"");
        assertThat(marketer.get(edit).body()).contains("value=\"" + name + "\"", "value=\"5\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("rewardType", "BUNDLE_PRICE");
        form.put("items", "2 × TK-FURMINT\nthree glasses");
        form.put("price", "9 990");
        form.put("currency", "HUF");
        form.put("stacking", "STACKABLE");
        form.put("priority", "10");
        var refused = marketer.submit(edit, edit, form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"f-items-error\"", "“three glasses” is not a bundle line",
                "2 × TK-FURMINT", "value=\"9 990\"");

        form.put("items", "2 × TK-FURMINT\n1 × TK-GLASS");
        var bundle = marketer.submit(edit, edit, form);
        assertThat(bundle.statusCode()).as(bundle.body()).isEqualTo(302);
        JsonNode saved = api.get("/api/pricing/promotions/" + id).json().get("definition");
        assertThat(saved.get("reward").get("type").asString()).isEqualTo("BUNDLE_PRICE");
        assertThat(saved.get("reward").get("items").valueStream().map(item -> item.get("quantity").asInt() + " "
                + item.get("sku").asString())).containsExactly("2 TK-FURMINT", "1 TK-GLASS");
        assertThat(saved.get("reward").get("price").decimalValue()).isEqualByComparingTo("9990");
        assertThat(saved.get("conditions").get("customerGroups").get(0).asString()).as("kept").isEqualTo("wine-club");
        assertThat(marketer.get("/pricing/promotions").body()).contains("Promotion " + name + " saved.",
                "2 × TK-FURMINT + 1 × TK-GLASS for 9990 HUF");

        form.put("rewardType", "TIERED_SPEND");
        form.put("tiers", "20000: 2000\n50000: 6000");
        assertThat(marketer.submit(edit, edit, form).statusCode()).isEqualTo(302);
        assertThat(marketer.get("/pricing/promotions").body())
                .contains("spend 20000 HUF, get 2000 HUF off; spend 50000 HUF, get 6000 HUF off");
    }
}
