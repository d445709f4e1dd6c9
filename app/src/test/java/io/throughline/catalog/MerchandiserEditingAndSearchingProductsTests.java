package io.throughline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class MerchandiserEditingAndSearchingProductsTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Test
    void accentlessWordsFindAccentedNamesBestMatchFirst() {
        String word = marker();
        String aszu = create("Tokaji Aszú 6 puttonyos " + word, "Édes, aranysárga.", "asz-" + word, List.of());
        String hars = create("Tokaji Hárslevelű " + word, "Száraz fehérbor.", "hars-" + word, List.of());
        String mention = create("Pincér dugóhúzó " + word, "Jó társ egy Hárslevelű mellé.", "tool-" + word, List.of());

        assertThat(ids("tokaji%20aszu%20" + word)).containsExactly(aszu);
        assertThat(ids("h%C3%A1rslevelu%20" + word)).containsExactly(hars, mention);
        assertThat(ids("HARSLEVELU%20" + word)).containsExactly(hars, mention);
        assertThat(ids("asz-" + word)).as("by SKU").containsExactly(aszu);
        assertThat(ids("tok%20" + word)).as("prefix").containsExactlyInAnyOrder(aszu, hars);
        assertThat(ids("%22%27%26%7C%21%3A*")).as("query syntax typed is ignored, not an error").isNotNull();
    }

    @Test
    void productsAreBrowsedByCategoryChannelAndActiveWithPages() {
        String word = marker();
        var wines = api().post("/api/catalog/categories", Api.json(Map.of("name", "Browse " + word))).json();
        var sweet = api().post("/api/catalog/categories", Api.json(Map.of("name", "Sweet",
                "parentId", wines.get("id").asString()))).json();
        List<Map<String, String>> web = List.of(Map.of("channel", "web", "from", "2026-01-01T00:00:00Z"));
        String first = create("A sweet " + word, "", "b1-" + word, web, sweet.get("id").asString());
        String second = create("B sweet " + word, "", "b2-" + word, List.of(), sweet.get("id").asString());
        String third = create("C sweet " + word, "", "b3-" + word, web, sweet.get("id").asString());
        api().post("/api/catalog/products/" + third + "/deactivate", "");

        String byCategory = "/api/catalog/products?category=" + wines.get("id").asString();
        assertThat(idsAt(byCategory + "&size=2&page=0")).containsExactly(first, second);
        assertThat(idsAt(byCategory + "&size=2&page=1")).containsExactly(third);
        assertThat(api().get(byCategory + "&size=2").json().get("totalItems").asInt()).isEqualTo(3);
        assertThat(idsAt(byCategory + "&channel=web")).containsExactly(first);
        assertThat(idsAt(byCategory + "&active=false")).containsExactly(third);
        JsonNode summary = api().get(byCategory + "&channel=web").json().get("items").get(0);
        assertThat(summary.get("skus").get(0).asString()).isEqualTo(("b1-" + word).toUpperCase());
        assertThat(summary.get("channels").get(0).asString()).isEqualTo("web");
        assertThat(summary.get("categoryPaths").get(0).asString()).endsWith("/sweet");

        assertThat(api().get("/api/catalog/products?size=500").status()).isEqualTo(400);
        assertThat(api().get("/api/catalog/products?channel=Not%20A%20Channel").status()).isEqualTo(400);
    }

    @Test
    void editingAProductChangesOnlyWhatIsSentWithPatchAndEverythingWithPut() {
        String word = marker();
        String id = create("Tokaji Furmint " + word, "Old text", "edit-" + word, List.of());

        var patched = api().patch("/api/catalog/products/" + id, Api.json(Map.of("description", "New text",
                "attributes", List.of(Map.of("name", "vintage", "value", "2023")))));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("name").asString()).isEqualTo("Tokaji Furmint " + word);
        assertThat(patched.json().get("description").asString()).isEqualTo("New text");
        assertThat(ids("2023%20" + word)).as("attribute values are searchable").containsExactly(id);

        var put = api().put("/api/catalog/products/" + id, Api.json(Map.of("name", "Tokaji Furmint Selection " + word)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("description").asString()).isEmpty();
        assertThat(put.json().get("attributes").size()).isZero();
        assertThat(ids("selection%20" + word)).containsExactly(id);

        var badImage = api().patch("/api/catalog/products/" + id, Api.json(Map.of("images", List.of(Map.of("url", "ftp://x.example/a.jpg")))));
        assertThat(badImage.status()).isEqualTo(400);
        assertThat(badImage.body()).contains("images[0].url");
    }

    @Test
    void variantsAreAddedAndRetiredAndTheAssortmentIsReplaced() {
        String word = marker();
        String id = create("Tokaji Szamorodni " + word, "", "var-" + word, List.of());

        var added = api().post("/api/catalog/products/" + id + "/variants",
                Api.json(Map.of("sku", "var-mag-" + word, "name", "Magnum")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("variants").size()).isEqualTo(2);
        assertThat(api().post("/api/catalog/products/" + id + "/variants", Api.json(Map.of("sku", "var-mag-" + word)))
                .status()).isEqualTo(409);

        var assortment = api().put("/api/catalog/products/" + id + "/assortment", Api.json(Map.of("channels", List.of(
                Map.of("channel", "web", "from", "2026-01-01T00:00:00Z"),
                Map.of("channel", "shop-budapest", "from", "2026-01-01T00:00:00Z")))));
        assertThat(assortment.status()).as(assortment.body()).isEqualTo(200);
        Sku magnum = Sku.of("var-mag-" + word);
        assertThat(catalogue.isSoldOn(magnum, "shop-budapest", Instant.now())).isTrue();

        var retired = api().delete("/api/catalog/products/" + id + "/variants/" + magnum);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(catalogue.item(magnum).orElseThrow().active()).isFalse();
        assertThat(catalogue.isSoldOn(magnum, "shop-budapest", Instant.now())).isFalse();
        assertThat(catalogue.isSoldOn(Sku.of("var-" + word), "shop-budapest", Instant.now())).isTrue();

        api().put("/api/catalog/products/" + id + "/assortment", Api.json(Map.of("channels", List.of(
                Map.of("channel", "web", "from", "2026-01-01T00:00:00Z")))));
        assertThat(catalogue.isSoldOn(Sku.of("var-" + word), "shop-budapest", Instant.now())).isFalse();
        assertThat(api().put("/api/catalog/products/" + id + "/assortment", Api.json(Map.of("channels", List.of(
                Map.of("channel", "web", "from", "2026-01-01T00:00:00Z"),
                Map.of("channel", "web", "from", "2026-02-01T00:00:00Z"))))).body()).contains("channels[1].channel");

        api().post("/api/catalog/products/" + id + "/deactivate", "");
        assertThat(catalogue.isSoldOn(Sku.of("var-" + word), "web", Instant.now())).isFalse();
        assertThat(catalogue.item(Sku.of("var-" + word)).orElseThrow().active()).isFalse();
    }

    private String create(String name, String description, String sku, List<Map<String, String>> assortment,
            String... categoryIds) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "description", description,
                "assortment", assortment, "variants", List.of(Map.of("sku", sku)), "categoryIds", List.of(categoryIds)));
        return new CatalogueFixture(port).product(body);
    }

    private List<String> ids(String query) {
        return idsAt("/api/catalog/products?q=" + query);
    }

    private List<String> idsAt(String path) {
        var response = api().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** A word no other product contains, so that a search or a browse sees only this test's products. */
    private static String marker() {
        return "q" + Long.toString(System.nanoTime(), 36);
    }

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }
}
