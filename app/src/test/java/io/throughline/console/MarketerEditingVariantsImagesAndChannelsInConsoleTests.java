package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A marketer completes a product in the console: adds a variant, corrects its barcode and attributes, gives
 * the product pictures after previewing them, and chooses the channels that sell it. Every wrong entry comes
 * back at its field with what was typed; an associate may look but not change.
 */
@PlatformTest
class MarketerEditingVariantsImagesAndChannelsInConsoleTests {

    static final String MARKETER = "marketing@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void marketerAddsAndCorrectsAVariantWithItsBarcodeAndAttributes() {
        String marker = StockFixture.marker();
        String productId = product("Dry Furmint " + marker, "FURM-" + marker);
        String page = "/catalog/products/" + productId;
        ConsoleSession console = signedIn();
        String sku = "FURM-MAG-" + marker;
        String gtin = StockFixture.ean13();
        String wrongGtin = gtin.substring(0, 12) + ((gtin.charAt(12) - '0' + 1) % 10);

        var wrong = console.submit(page, page + "/variants", fields("sku", sku.toLowerCase(), "gtin", wrongGtin,
                "name", "Dry Furmint magnum", "attributes", "bottle: 1.5 l"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"new-variant-gtin-error\"", "wrong check digit",
                "value=\"" + sku.toLowerCase() + "\"", "value=\"Dry Furmint magnum\"");

        var added = console.submit(page, page + "/variants", fields("sku", sku, "gtin", gtin,
                "name", "Dry Furmint magnum", "attributes", "bottle: 1.5 l"));
        assertThat(added.statusCode()).isEqualTo(302);
        JsonNode variant = api().get("/api/catalog/variants/" + sku).json().get("variant");
        assertThat(variant.get("gtin").asString()).isEqualTo(gtin);
        assertThat(variant.get("attributes").get(0).get("value").asString()).isEqualTo("1.5 l");

        String edit = page + "/variants/" + sku;
        assertThat(console.get(edit).body()).contains("value=\"" + gtin + "\"", "bottle: 1.5 l");
        var badAttributes = console.submit(edit, edit, fields("gtin", gtin, "name", "Magnum",
                "attributes", "vintage 2021"));
        assertThat(badAttributes.statusCode()).isEqualTo(200);
        assertThat(badAttributes.body()).contains("id=\"variant-attributes-error\"", "vintage 2021");

        String otherGtin = StockFixture.ean13();
        var saved = console.submit(edit, edit, fields("gtin", otherGtin, "name", "Magnum",
                "attributes", "vintage: 2021\nbottle: 1.5 l"));
        assertThat(saved.statusCode()).isEqualTo(302);
        variant = api().get("/api/catalog/variants/" + sku).json().get("variant");
        assertThat(variant.get("gtin").asString()).isEqualTo(otherGtin);
        assertThat(variant.get("name").asString()).isEqualTo("Magnum");
        assertThat(api().get("/api/catalog/variants?gtin=" + otherGtin).json().get("variant").get("sku").asString())
                .isEqualTo(sku);
    }

    @Test
    void marketerPreviewsAndSavesImagesAndChoosesTheChannelsThatSellTheProduct() {
        String marker = StockFixture.marker();
        String productId = product("Late harvest " + marker, "LH-" + marker);
        String page = "/catalog/products/" + productId;
        ConsoleSession console = signedIn();

        var notAUrl = console.submit(page, page + "/images", fields("images[0].url", "ftp://pictures/late.jpg",
                "images[0].altText", "Bottle", "action", "save"));
        assertThat(notAUrl.statusCode()).isEqualTo(200);
        assertThat(notAUrl.body()).contains("id=\"image-url-0-error\"", "value=\"ftp://pictures/late.jpg\"");

        String url = "https://images.example.com/late-" + marker + ".jpg";
        var preview = console.submit(page, page + "/images", fields("images[0].url", url,
                "images[0].altText", "Bottle", "action", "preview"));
        assertThat(preview.body()).contains("id=\"image-preview-0\"", "src=\"" + url + "\"");
        assertThat(api().get("/api/catalog/products/" + productId).json().get("images")).isEmpty();

        var savedImages = console.submit(page, page + "/images", fields("images[0].url", url,
                "images[0].altText", "Bottle", "action", "save"));
        assertThat(savedImages.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/catalog/products/" + productId).json().get("images").get(0).get("url").asString())
                .isEqualTo(url);

        assertThat(console.get(page).body()).contains("id=\"assortment-channel-web\"",
                "id=\"assortment-channel-shop-budapest\"");
        var web = console.submit(page, page + "/assortment", Map.of("channels", "web"));
        assertThat(web.statusCode()).isEqualTo(302);
        assertThat(channels(productId).stream().map(row -> row.get("channel").asString())).containsExactly("web");
        var shop = console.submit(page, page + "/assortment", Map.of("channels", "shop-budapest"));
        assertThat(shop.statusCode()).isEqualTo(302);
        assertThat(channels(productId).stream().map(row -> row.get("channel").asString()))
                .containsExactly("shop-budapest");
        assertThat(console.get(page).body()).containsPattern(
                "id=\"assortment-channel-shop-budapest\"[^>]*checked=\"checked\"|checked=\"checked\"[^>]*id=\"assortment-channel-shop-budapest\"");
    }

    @Test
    void anAssociateSeesTheProductButNoFormToChangeIt() {
        String marker = StockFixture.marker();
        String productId = product("Sparkling " + marker, "SPK-" + marker);
        ConsoleSession associate = new ConsoleSession(port);
        associate.signIn("budapest@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);

        String page = associate.get("/catalog/products/" + productId).body();
        assertThat(page).contains("Sparkling " + marker).doesNotContain("id=\"new-variant-form\"", "id=\"images-form\"");
        var refused = associate.submitFromPage(page, "/catalog/products/" + productId + "/assortment",
                Map.of("channels", "web"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api().get("/api/catalog/products/" + productId).json().get("assortment")).isEmpty();
    }

    private List<JsonNode> channels(String productId) {
        return api().get("/api/catalog/products/" + productId).json().get("assortment").valueStream().toList();
    }

    private String product(String name, String sku) {
        var created = api().post("/api/catalog/products", Api.json(Map.of("name", name,
                "variants", List.of(Map.of("sku", sku)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    private ConsoleSession signedIn() {
        ConsoleSession console = new ConsoleSession(port);
        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        return console;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
