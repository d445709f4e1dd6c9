package io.throughline.carts;

import static io.throughline.carts.CartFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PlatformTest
class TillClaimingAHandedOffCartTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CartFixture fixture;
    Api api;

    @BeforeEach
    void setUp() {
        fixture = new CartFixture(port);
        api = fixture.api;
    }

    @Test
    void theTillScansTheCodeOnHerPhoneAndGetsTheSameCartAtTheSamePrices() throws Exception {
        String aszu = fixture.product("Mézes Mály Aszú", List.of("app", "shop-budapest"), "1450.00");
        fixture.receive(aszu, "shop-budapest", 5);
        String cart = fixture.anonymousCart("app");
        JsonNode onThePhone = fixture.added(cart, "app", aszu, 2);

        var issued = api.post("/api/carts/" + cart + "/handoff?channel=app", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String code = issued.json().get("code").asString();
        assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{7}");
        var png = HttpClient.newHttpClient().send(api.request(issued.json().get("qrImage").asString()).GET().build(),
                BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(decode(png.body())).isEqualTo(code);
        // Her own page, from the signed link, without signing in: the code and a QR code that reads as it.
        String page = issued.json().get("page").asString();
        var shown = Api.at(port).get(page);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains(code);
        String qr = shown.body().replaceAll("(?s).*id=\"handoff-qr\" src=\"data:image/png;base64,([^\"]+)\".*", "$1");
        assertThat(decode(java.util.Base64.getDecoder().decode(qr))).isEqualTo(code);
        String altered = page.substring(0, page.length() - 2) + (page.endsWith("AA") ? "BB" : "AA");
        assertThat(Api.at(port).get(altered).status()).as("an altered link shows nothing").isEqualTo(404);

        var claimed = api.post("/api/carts/handoff/" + code.toLowerCase() + "?channel=shop-budapest", "");

        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        JsonNode atTheTill = claimed.json();
        assertThat(atTheTill.get("id").asString()).isEqualTo(cart);
        assertThat(atTheTill.get("channel").asString()).isEqualTo("shop-budapest");
        assertThat(line(atTheTill, aszu).get("quantity").asInt()).isEqualTo(2);
        assertThat(atTheTill.get("quote").get("total")).isEqualTo(onThePhone.get("quote").get("total"));
        var twice = api.post("/api/carts/handoff/" + code + "?channel=shop-debrecen", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("was already used")
                .as("who claimed it is not told to whoever holds the code").doesNotContain("shop-budapest");
        assertThat(api.get("/api/carts/" + cart + "/handoff/qr.png").status()).isEqualTo(404);
        assertThat(Api.at(port).get(page).status()).as("a used code's page shows it no more").isEqualTo(404);
    }

    @Test
    void someoneTryingCodeAfterCodeIsMadeToWait() {
        Api associate = Api.at(port).withToken(new io.throughline.support.Admin(port).tokenFor("STORE_ASSOCIATE"));
        int refusedAs404 = 0;
        Api.Response last = null;
        for (int attempt = 0; attempt <= 20; attempt++) {
            String nobodysCode = "ZZZZZ" + "23456789ABCDEFGHJKMNPQRSTUVWXYZ".charAt(attempt) + "Z";
            last = associate.post("/api/carts/handoff/" + nobodysCode + "?channel=shop-budapest", "");
            if (last.status() == 404) {
                refusedAs404++;
            }
        }

        assertThat(refusedAs404).isEqualTo(20);
        assertThat(last.status()).as(last.body()).isEqualTo(429);
        assertThat(last.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(last.json().get("type").asString()).endsWith("/rate-limited");
    }

    @Test
    void expiredUnknownAndMistypedCodesAreRefused() {
        String cart = fixture.anonymousCart("web");
        String code = api.post("/api/carts/" + cart + "/handoff?channel=web", "").json().get("code").asString();
        jdbc.sql("UPDATE carts.handoff SET expires_at = now() - interval '1 second' WHERE code = ?").param(code).update();

        var expired = api.post("/api/carts/handoff/" + code + "?channel=shop-tokaj", "");
        assertThat(expired.status()).as(expired.body()).isEqualTo(409);
        assertThat(expired.json().get("detail").asString()).contains("expired");

        String unknown = code.equals("2222222") ? "3333333" : "2222222";
        var notFound = api.post("/api/carts/handoff/" + unknown + "?channel=shop-tokaj", "");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");

        var mistyped = api.post("/api/carts/handoff/O0I1L?channel=shop-tokaj", "");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(CartFixture.fields(mistyped)).containsExactly("code");
    }

    private static String decode(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

}
