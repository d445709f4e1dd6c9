package io.throughline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.catalog.internal.ProductCreated;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@PlatformTest
@RecordApplicationEvents
class MerchandiserBuildingTheCatalogueTests {

    @LocalServerPort
    int port;

    CatalogueFixture fixture;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Products products;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void setUp() {
        fixture = new CatalogueFixture(port);
    }

    @Test
    void aProductFiledUnderASubcategoryIsAnItemOfEveryAncestorToo() {
        String wines = category("Wines " + unique(), null);
        String tokaji = category("Tokaji", wines);
        String aszu = category("Aszú", tokaji);
        String sku = "tca-asz5-" + unique();
        String gtin = gtin();

        var created = api().post("/api/catalog/products", Api.json(Map.of(
                "name", "Tokaji Aszú 5 puttonyos 2017",
                "description", "Szarvas dűlő, 500 ml",
                "categoryIds", List.of(aszu),
                "attributes", List.of(Map.of("name", "vintage", "value", "2017")),
                "images", List.of(Map.of("url", "https://img.tokaj-cellars.example/asz5.jpg", "altText", "Bottle")),
                "assortment", List.of(Map.of("channel", "web", "from", "2026-01-01T00:00:00Z")),
                "variants", List.of(Map.of("sku", sku, "gtin", gtin, "attributes",
                        List.of(Map.of("name", "bottle", "value", "500 ml")))))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode product = api().get(created.header("Location").replaceFirst("^https?://[^/]+", "")).json();
        assertThat(product.get("name").asString()).isEqualTo("Tokaji Aszú 5 puttonyos 2017");
        assertThat(product.get("variants").get(0).get("sku").asString()).isEqualTo(sku.toUpperCase());
        assertThat(product.get("variants").get(0).get("gtin").asString()).isEqualTo(gtin);
        assertThat(product.get("variants").get(0).get("name").asString()).isEqualTo("Tokaji Aszú 5 puttonyos 2017");
        assertThat(product.get("variants").get(0).get("attributes").get(0).get("value").asString()).isEqualTo("500 ml");
        assertThat(product.get("categories").get(0).get("path").asString()).endsWith("/tokaji/aszu");
        assertThat(product.get("attributes").get(0).get("name").asString()).isEqualTo("vintage");
        assertThat(product.get("images").get(0).get("url").asString()).endsWith("/asz5.jpg");
        assertThat(product.get("assortment").get(0).get("channel").asString()).isEqualTo("web");

        CatalogueItem item = catalogue.item(Sku.of(sku)).orElseThrow();
        assertThat(item.productId().toString()).isEqualTo(product.get("id").asString());
        assertThat(item.active()).isTrue();
        assertThat(item.categoryIds()).extracting(UUID::toString).containsExactlyInAnyOrder(wines, tokaji, aszu);

        JsonNode variant = api().get("/api/catalog/variants/" + sku.toLowerCase()).json();
        assertThat(variant.get("productId").asString()).isEqualTo(product.get("id").asString());
        assertThat(variant.get("variant").get("sku").asString()).isEqualTo(sku.toUpperCase());
    }

    @Test
    void categoriesAreListedAsATreeInPathOrder() {
        String root = "Accessories " + unique();
        String parent = category(root, null);
        String child = category("Glasses", parent);

        JsonNode created = api().get("/api/catalog/categories/" + child).json();
        assertThat(created.get("depth").asInt()).isEqualTo(1);
        assertThat(created.get("parentId").asString()).isEqualTo(parent);

        List<String> paths = new ArrayList<>();
        api().get("/api/catalog/categories?size=200").json().get("items")
                .forEach(category -> paths.add(category.get("path").asString()));
        assertThat(paths).contains(created.get("path").asString()).isSorted();

        var twice = api().post("/api/catalog/categories", Api.json(Map.of("name", "Glasses", "parentId", parent)));
        assertThat(twice.status()).isEqualTo(409);
        var orphan = api().post("/api/catalog/categories", Api.json(Map.of("name", "X", "parentId", UUID.randomUUID())));
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(fields(orphan)).containsExactly("parentId");
    }

    @Test
    void aChannelSellsAProductOnlyWithinItsAssortmentPeriod() {
        String sku = "tca-furm-" + unique();
        create(sku, List.of(
                Map.of("channel", "shop-tokaj", "from", "2026-12-01T00:00:00Z", "until", "2027-01-01T00:00:00Z"),
                Map.of("channel", "web", "from", "2026-01-01T00:00:00Z")));

        Sku furmint = Sku.of(sku);
        assertThat(catalogue.isSoldOn(furmint, "shop-tokaj", Instant.parse("2026-11-30T23:59:59Z"))).isFalse();
        assertThat(catalogue.isSoldOn(furmint, "shop-tokaj", Instant.parse("2026-12-24T10:00:00Z"))).isTrue();
        assertThat(catalogue.isSoldOn(furmint, "shop-tokaj", Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
        assertThat(catalogue.isSoldOn(furmint, "web", Instant.parse("2030-06-01T00:00:00Z"))).isTrue();
        assertThat(catalogue.isSoldOn(furmint, "email", Instant.parse("2026-12-24T10:00:00Z"))).isFalse();
        assertThat(catalogue.isSoldOn(Sku.of("NO-SUCH-" + unique()), "web", Instant.now())).isFalse();
    }

    @Test
    void aProductWithoutAssortmentIsSoldOnNoChannel() {
        String sku = "tca-draft-" + unique();
        create(sku, List.of());

        assertThat(catalogue.item(Sku.of(sku))).isPresent();
        for (String channel : List.of("web", "app", "shop-budapest", "shop-debrecen", "shop-tokaj", "contact-centre", "email")) {
            assertThat(catalogue.isSoldOn(Sku.of(sku), channel, Instant.now())).as(channel).isFalse();
        }
    }

    @Test
    void itemsAreReadInBulkAndUnknownSkusAreLeftOut() {
        String first = "tca-bulk-a-" + unique();
        String second = "tca-bulk-b-" + unique();
        create(first, List.of());
        create(second, List.of());

        var items = catalogue.items(List.of(Sku.of(first), Sku.of(second), Sku.of("UNKNOWN-" + unique())));

        assertThat(items.keySet()).containsExactlyInAnyOrder(Sku.of(first), Sku.of(second));
        assertThat(items.get(Sku.of(first)).categoryIds()).isEmpty();
        assertThat(catalogue.items(List.of())).isEmpty();
    }

    @Test
    void creatingAProductPublishesProductCreatedWithItsSkus() {
        String sku = "tca-event-" + unique();
        Product product = products.create(new NewProduct("Tokaji Eszencia 2008", null,
                List.of(new NewVariant(sku, null, null, null), new NewVariant(sku + "-MAG", null, "Magnum", null)),
                null, null, null, null));

        assertThat(events.stream(ProductCreated.class))
                .anySatisfy(event -> {
                    assertThat(event.productId()).isEqualTo(product.id());
                    assertThat(event.skus()).containsExactly(Sku.of(sku), Sku.of(sku + "-MAG"));
                });
        assertThat(product.variants()).extracting(Variant::name).containsExactly("Tokaji Eszencia 2008", "Magnum");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String sku = "tca-taken-" + unique();
        create(sku, List.of());

        assertRefused(400, "variants[0].sku", product(Map.of("sku", "bad sku!")));
        assertRefused(409, "variants[0].sku", product(Map.of("sku", sku.toLowerCase())));
        long duplicate = unique();
        assertRefused(400, "variants[1].sku", product(Map.of("sku", "dup-" + duplicate), Map.of("sku", "DUP-" + duplicate)));
        assertRefused(400, "variants[0].gtin", product(Map.of("sku", "g-" + unique(), "gtin", "4006381333932")));
        assertRefused(400, "variants", Map.of("name", "No variants", "variants", List.of()));

        Map<String, Object> unknownCategory = new java.util.HashMap<>(product(Map.of("sku", "c-" + unique())));
        unknownCategory.put("categoryIds", List.of(UUID.randomUUID()));
        assertRefused(400, "categoryIds[0]", unknownCategory);

        Map<String, Object> badImage = new java.util.HashMap<>(product(Map.of("sku", "i-" + unique())));
        badImage.put("images", List.of(Map.of("url", "javascript:alert(1)")));
        assertRefused(400, "images[0].url", badImage);

        Map<String, Object> backwards = new java.util.HashMap<>(product(Map.of("sku", "a-" + unique())));
        backwards.put("assortment", List.of(Map.of("channel", "web", "from", "2027-01-01T00:00:00Z",
                "until", "2026-01-01T00:00:00Z")));
        assertRefused(400, "assortment[0].until", backwards);

        assertThat(api().get("/api/catalog/variants/" + "NOPE-" + unique()).status()).isEqualTo(404);
        assertThat(api().get("/api/catalog/products/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsAndMarketersChangeTheCatalogueButEveryStaffRoleReadsIt() {
        String sku = "tca-roles-" + unique();
        create(sku, List.of());
        Api associate = Api.at(port).withToken(new Admin(port).tokenFor("STORE_ASSOCIATE"));

        assertThat(associate.get("/api/catalog/variants/" + sku).status()).isEqualTo(200);
        assertThat(associate.post("/api/catalog/products", Api.json(product(Map.of("sku", "r-" + unique())))).status())
                .isEqualTo(403);
        assertThat(Api.at(port).get("/api/catalog/variants/" + sku).status()).isEqualTo(401);
    }

    private void assertRefused(int status, String field, Map<String, Object> body) {
        var response = api().post("/api/catalog/products", Api.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    @SafeVarargs
    private static Map<String, Object> product(Map<String, String>... variants) {
        return Map.of("name", "Tokaji Furmint 2022", "variants", List.of(variants));
    }

    private void create(String sku, List<Map<String, String>> assortment) {
        fixture.product(Map.of("name", "Tokaji Furmint 2022", "assortment", assortment,
                "variants", List.of(Map.of("sku", sku))));
    }

    private String category(String name, @Nullable String parentId) {
        return fixture.category(name, parentId);
    }

    private static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.json().get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }

    private static long unique() {
        return CatalogueFixture.unique();
    }

    private static String gtin() {
        return CatalogueFixture.gtin();
    }

    private Api api() {
        return fixture.api;
    }
}
