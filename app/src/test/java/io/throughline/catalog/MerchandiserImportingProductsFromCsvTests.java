package io.throughline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class MerchandiserImportingProductsFromCsvTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Products products;

    @Test
    void goodRowsLoadBadRowsAreReportedByLineAndReimportingASkuUpdatesIt() {
        String tag = "imp" + Long.toString(System.nanoTime(), 36);
        new CatalogueFixture(port).category("Import " + tag, null);
        String good = ("A-" + tag).toUpperCase();
        String csv = """
                sku,gtin,name,category,description,attributes,image_url,channels
                %1$s,,Tokaji Aszú %2$s,Import %2$s,Sweet,vintage=2017,https://img.example/a.jpg,web;app
                bad sku,,Broken,,,,,
                B-%2$s,4006381333932,Wrong check digit,,,,,
                C-%2$s,,Unknown category,Nowhere/At all,,,,
                D-%2$s,,Bad image,,,,ftp://img.example/d.jpg,
                %1$s,,Twice,,,,,
                E-%2$s,,,,,,,
                F-%2$s,,Bad channel,,,,,Web Shop
                """.formatted(good, tag);

        JsonNode job = finished(upload(csv));

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("totalRows").asInt()).isEqualTo(8);
        assertThat(job.get("rowsDone").asInt()).isEqualTo(8);
        assertThat(job.get("rowsLoaded").asInt()).isEqualTo(1);
        assertThat(job.get("rowsFailed").asInt()).isEqualTo(7);
        JsonNode errors = api().get("/api/catalog/imports/" + job.get("id").asString() + "/errors").json();
        assertThat(errors.get("items").valueStream().map(error -> error.get("line").asInt() + ":" + error.get("field").asString()))
                .containsExactly("3:sku", "4:gtin", "5:category", "6:image_url", "7:sku", "8:name", "9:channels");
        assertThat(errors.get("items").get(4).get("reason").asString()).isEqualTo("repeats the SKU of line 2");

        ProductVariant loaded = products.variant(Sku.of(good));
        assertThat(loaded.productName()).isEqualTo("Tokaji Aszú " + tag);
        assertThat(loaded.categories()).extracting(Category::name).containsExactly("Import " + tag);
        assertThat(catalogue.isSoldOn(Sku.of(good), "app", Instant.now())).isTrue();
        assertThat(catalogue.isSoldOn(Sku.of(good), "email", Instant.now())).isFalse();

        JsonNode again = finished(upload("""
                sku,name,gtin,channels
                %s,Tokaji Aszú 6 puttonyos %s,4006381333931,web
                """.formatted(good.toLowerCase(), tag)));

        assertThat(again.get("rowsLoaded").asInt()).isEqualTo(1);
        ProductVariant updated = products.variant(Sku.of(good));
        assertThat(updated.productId()).isEqualTo(loaded.productId());
        assertThat(updated.productName()).isEqualTo("Tokaji Aszú 6 puttonyos " + tag);
        assertThat(updated.variant().gtin()).isEqualTo(new Gtin("4006381333931"));
        assertThat(catalogue.isSoldOn(Sku.of(good), "web", Instant.now())).isTrue();
        assertThat(catalogue.isSoldOn(Sku.of(good), "app", Instant.now())).as("channel left out").isFalse();
        assertThat(api().get("/api/catalog/products?q=6%20puttonyos%20" + tag).json().get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void aGtinThatBelongsToAnotherSkuIsReportedAndTheRestLoads() {
        String tag = "gt" + Long.toString(System.nanoTime(), 36);
        String gtin = CatalogueFixture.gtin();
        JsonNode first = finished(upload("sku,name,gtin\nX-%1$s,First,%2$s\n".formatted(tag, gtin)));
        assertThat(first.get("rowsLoaded").asInt()).isEqualTo(1);

        JsonNode second = finished(upload("sku,name,gtin\nY-%1$s,Second,%2$s\nZ-%1$s,Third,\n".formatted(tag, gtin)));

        assertThat(second.get("rowsLoaded").asInt()).isEqualTo(1);
        JsonNode error = api().get("/api/catalog/imports/" + second.get("id").asString() + "/errors").json().get("items").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("reason").asString()).contains(("X-" + tag).toUpperCase());
        assertThat(catalogue.item(Sku.of("Z-" + tag))).isPresent();
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAtOnce() {
        var refused = api().send(api().request("/api/catalog/imports").header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString("name,price\nA,1\n")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(api().get("/api/catalog/imports/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    private Api.Response upload(String csv) {
        var response = api().send(api().request("/api/catalog/imports?fileName=test.csv")
                .header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv)));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response;
    }

    private JsonNode finished(Api.Response accepted) {
        String path = "/api/catalog/imports/" + accepted.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !api().get(path).json().get("status").asString().equals("RUNNING"));
        return api().get(path).json();
    }

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }
}
