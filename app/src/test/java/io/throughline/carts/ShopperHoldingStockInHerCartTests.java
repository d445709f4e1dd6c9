package io.throughline.carts;

import static io.throughline.carts.CartFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ShopperHoldingStockInHerCartTests {

    @LocalServerPort
    int port;

    CartFixture fixture;
    Api api;

    @BeforeEach
    void setUp() {
        fixture = new CartFixture(port);
        api = fixture.api;
    }

    @Test
    void addingMoreThanCanBeHeldIsRefusedNamingTheSkuAndWhatIsAvailable() {
        String lapis = fixture.product("Lapis Aszú 6 puttonyos", List.of("web"), "2490.00");
        // The web keeps a safety stock of 1 at the Budapest shop: 5 there make 4 sellable on the web.
        fixture.receive(lapis, "shop-budapest", 5);
        String cart = fixture.anonymousCart("web");
        fixture.added(cart, "web", lapis, 3);

        var refused = fixture.add(cart, "web", lapis, 2);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Only 4 of " + lapis + " available on channel web; cannot hold 5");
        assertThat(CartFixture.fields(refused)).containsExactly("quantity");
        assertThat(line(fixture.view(cart, "web"), lapis).get("quantity").asInt()).isEqualTo(3);
        assertThat(fixture.added(cart, "web", lapis, 1).get("lines").get(0).get("hold").get("quantity").asInt())
                .isEqualTo(4);
    }

    @Test
    void aLineIsHeldWhereTheChannelHasMostStockAndNoHoldOutlivesItsCart() {
        String betsek = fixture.product("Betsek Furmint", List.of("web"), "189.00");
        fixture.receive(betsek, "shop-budapest", 4);
        fixture.receive(betsek, "warehouse-tokaj", 30);
        String cart = fixture.anonymousCart("web");

        JsonNode priced = fixture.added(cart, "web", betsek, 2);

        JsonNode hold = line(priced, betsek).get("hold");
        assertThat(hold.get("locationId").asString()).isEqualTo(fixture.location("warehouse-tokaj"));
        assertThat(hold.get("active").asBoolean()).isTrue();
        Instant holdExpires = Instant.parse(hold.get("expiresAt").asString());
        Instant cartExpires = Instant.parse(priced.get("expiresAt").asString());
        assertThat(holdExpires).isBeforeOrEqualTo(cartExpires).isAfter(Instant.now().plus(Duration.ofMinutes(40)));
        JsonNode reservation = fixture.reservation(hold.get("reservationId").asString());
        assertThat(reservation.get("reference").asString()).isEqualTo("cart:" + cart);
        assertThat(reservation.get("state").asString()).isEqualTo("HELD");
        assertThat(Instant.parse(reservation.get("expiresAt").asString())).isEqualTo(holdExpires)
                .isBeforeOrEqualTo(cartExpires);

        // Every later read keeps the promise, whatever it renews.
        JsonNode later = fixture.view(cart, "app");
        for (JsonNode reserved : fixture.reservationsOf(cart)) {
            if (reserved.get("state").asString().equals("HELD")) {
                assertThat(Instant.parse(reserved.get("expiresAt").asString()))
                        .isBeforeOrEqualTo(Instant.parse(later.get("expiresAt").asString()));
            }
        }

        var closed = api.post("/api/carts/" + cart + "/close?channel=web", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
        assertThat(fixture.reservationsOf(cart)).allSatisfy(
                released -> assertThat(released.get("state").asString()).isEqualTo("RELEASED"));
    }

    @Test
    void clickAndCollectMovesTheHoldsToThePickupShop() {
        String hetszolo = fixture.product("Hétszőlő Szamorodni", List.of("web"), "149.00");
        fixture.receive(hetszolo, "warehouse-tokaj", 30);
        fixture.receive(hetszolo, "shop-tokaj", 3);
        String cart = fixture.anonymousCart("web");
        JsonNode before = line(fixture.added(cart, "web", hetszolo, 2), hetszolo).get("hold");
        String tokaj = fixture.location("shop-tokaj");

        var pickup = api.put("/api/carts/" + cart + "/fulfilment?channel=web",
                Api.json(Map.of("kind", "PICKUP", "locationId", tokaj)));

        assertThat(pickup.status()).as(pickup.body()).isEqualTo(200);
        assertThat(pickup.json().get("fulfilment").get("locationCode").asString()).isEqualTo("shop-tokaj");
        JsonNode after = line(pickup.json(), hetszolo).get("hold");
        assertThat(after.get("locationId").asString()).isEqualTo(tokaj);
        assertThat(fixture.reservation(before.get("reservationId").asString()).get("state").asString())
                .isEqualTo("RELEASED");
        assertThat(fixture.reservation(after.get("reservationId").asString()).get("locationId").asString())
                .isEqualTo(tokaj);

        var tooMany = fixture.add(cart, "web", hetszolo, 2);
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(409);
        assertThat(tooMany.json().get("detail").asString()).contains("for pickup at shop-tokaj");

        var warehouse = api.put("/api/carts/" + cart + "/fulfilment?channel=web",
                Api.json(Map.of("kind", "PICKUP", "locationId", fixture.location("warehouse-tokaj"))));
        assertThat(warehouse.status()).as(warehouse.body()).isEqualTo(400);
        assertThat(CartFixture.fields(warehouse)).containsExactly("locationId");
    }

    @Test
    void aPickupShopWithTooLittleStockIsRefusedAndNothingMoves() {
        String kapi = fixture.product("Kapi Hárslevelű", List.of("web"), "169.00");
        fixture.receive(kapi, "warehouse-tokaj", 30);
        fixture.receive(kapi, "shop-debrecen", 1);
        String cart = fixture.anonymousCart("web");
        String held = line(fixture.added(cart, "web", kapi, 3), kapi).get("hold").get("reservationId").asString();

        var refused = api.put("/api/carts/" + cart + "/fulfilment?channel=web",
                Api.json(Map.of("kind", "PICKUP", "locationId", fixture.location("shop-debrecen"))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Only 1 of " + kapi + " available for pickup at shop-debrecen; cannot hold 3");
        assertThat(fixture.reservation(held).get("state").asString()).isEqualTo("HELD");
        assertThat(fixture.view(cart, "web").has("fulfilment")).isFalse();
    }
}
