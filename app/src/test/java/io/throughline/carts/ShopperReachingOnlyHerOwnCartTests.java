package io.throughline.carts;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web shop and the app call the carts API for their shoppers. Whose cart a call reaches follows the cart's
 * owner, not whatever profile id the caller chose to send or leave out.
 */
@PlatformTest
class ShopperReachingOnlyHerOwnCartTests {

    @LocalServerPort
    int port;

    CartFixture fixture;
    Api shopChannel;
    Api agent;

    @BeforeEach
    void setUp() {
        fixture = new CartFixture(port);
        Admin admin = new Admin(port);
        shopChannel = Api.at(port).withToken(admin.tokenFor("STORE_ASSOCIATE"));
        agent = Api.at(port).withToken(admin.tokenFor("AGENT"));
    }

    @Test
    void leavingOutTheProfileIdOnTheWebDoesNotReachACustomersCart() {
        String sku = fixture.product("Tokaji Aszú 5 puttonyos", List.of("web", "app"), "399.00");
        fixture.receive(sku, "warehouse-tokaj", 10);
        String reka = fixture.customer();
        String hers = fixture.customerCart("web", reka);
        fixture.added(hers, "web", sku, 1);

        assertForbidden(shopChannel.get("/api/carts/" + hers + "?channel=web"));
        assertForbidden(shopChannel.post("/api/carts/" + hers + "/lines?channel=app",
                Api.json(Map.of("sku", sku, "quantity", 3))));
        assertForbidden(shopChannel.post("/api/carts/" + hers + "/close?channel=web", ""));
        assertForbidden(shopChannel.post("/api/carts/" + hers + "/handoff?channel=web", ""));
        assertForbidden(shopChannel.send(shopChannel.request("/api/orders?channel=web")
                .header("Idempotency-Key", "reach-" + hers).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"cartId": "%s", "delivery": "HOME_DELIVERY", "payment": {"method": "CARD"},
                         "address": {"name": "Réka Tóth", "street": "Andrássy út 1.", "city": "Budapest",
                                     "postalCode": "1061", "country": "HU"}}"""
                        .formatted(hers)))));

        var named = shopChannel.get("/api/carts/" + hers + "?channel=web&profileId=" + reka);
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().get("lines")).hasSize(1);
        assertThat(fixture.view(hers, "web").get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void aForgedProfileIdOrAnotherShoppersAnonymousIdFindsNoCart() {
        String sku = fixture.product("Tokaji Furmint", List.of("web", "app"), "149.00");
        fixture.receive(sku, "warehouse-tokaj", 10);
        String reka = fixture.customer();
        String stranger = fixture.customer();
        String hers = fixture.customerCart("web", reka);
        String anonymousId = "anon-" + CartFixture.unique();
        var opened = fixture.api.post("/api/carts?channel=app", Api.json(Map.of("anonymousId", anonymousId,
                "currency", CartFixture.CURRENCY)));
        String browsing = opened.json().get("id").asString();

        assertNotFound(shopChannel.get("/api/carts/" + hers + "?channel=web&profileId=" + stranger));
        assertNotFound(shopChannel.post("/api/carts/" + hers + "/lines?channel=web&profileId=" + stranger,
                Api.json(Map.of("sku", sku, "quantity", 1))));
        assertNotFound(shopChannel.get("/api/carts/" + hers + "?channel=web&anonymousId=" + anonymousId));
        assertNotFound(shopChannel.get("/api/carts/" + browsing + "?channel=app&anonymousId=anon-someone-else"));
        assertNotFound(agent.get("/api/carts/" + hers + "?channel=web&anonymousId=" + anonymousId));

        var own = shopChannel.post("/api/carts/" + browsing + "/lines?channel=app&anonymousId=" + anonymousId,
                Api.json(Map.of("sku", sku, "quantity", 2)));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(fixture.view(hers, "web").get("lines")).isEmpty();
    }

    @Test
    void staffActByTheirRoleAtTheTillAndOnThePhone() {
        String reka = fixture.customer();
        String hers = fixture.customerCart("web", reka);

        assertThat(shopChannel.get("/api/carts/" + hers + "?channel=shop-budapest").status()).isEqualTo(200);
        assertThat(agent.get("/api/carts/" + hers + "?channel=web").status()).isEqualTo(200);
        assertThat(fixture.api.get("/api/carts/" + hers + "?channel=app").status()).isEqualTo(200);
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
