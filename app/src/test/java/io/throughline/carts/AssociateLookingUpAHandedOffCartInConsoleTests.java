package io.throughline.carts;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class AssociateLookingUpAHandedOffCartInConsoleTests {

    /** Not the Debrecen shop's account: StaffSignInTests locks that one out on the shared platform. */
    static final String STORE_ASSOCIATE = "tokaj@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void theCodeOnHerPhoneOpensHerCartWithPricesExplanationsAndHoldsWithoutClaimingIt() {
        CartFixture fixture = new CartFixture(port);
        Api api = fixture.api;
        String aszu = fixture.product("Nyulászó Aszú 6 puttonyos", List.of("app", "shop-tokaj"), "1890.00");
        fixture.receive(aszu, "shop-tokaj", 4);
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", "console week " + aszu,
                "stacking", "STACKABLE", "priority", 5, "couponRequired", false,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 10, "scope", "ITEMS"),
                "conditions", Map.of("products", List.of(aszu)))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        String cart = fixture.anonymousCart("app");
        fixture.added(cart, "app", aszu, 2);
        String code = api.post("/api/carts/" + cart + "/handoff?channel=app", "").json().get("code").asString();
        ConsoleSession console = new ConsoleSession(port);
        console.signIn(STORE_ASSOCIATE, PlatformTest.DEMO_STAFF_PASSWORD);

        var found = console.get("/carts?code=" + code.toLowerCase());

        assertThat(found.statusCode()).as(found.body()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location").orElse("")).endsWith("/carts/" + cart);
        var page = console.get("/carts/" + cart + "?channel=shop-tokaj");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Nyulászó Aszú 6 puttonyos").contains(aszu)
                .contains("10 %").contains("console week " + aszu).containsPattern("Total [^<]*3[\\s,.\u00a0\u202f]?402(?![.,]00)")
                .contains("held · 2 until");
        // Looking is not claiming: the till can still claim the code.
        assertThat(api.post("/api/carts/handoff/" + code + "?channel=shop-tokaj", "").status()).isEqualTo(200);

        var unknown = console.get("/carts?code=" + code);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("No live handoff code " + code);
        Api marketer = Api.at(port).withToken(new Admin(port).tokenFor("MARKETER"));
        assertThat(marketer.get("/api/carts/" + cart + "?channel=web").status()).isEqualTo(403);
    }
}
