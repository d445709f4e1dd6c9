package io.throughline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ChannelsSellingFromTheirLocationsTests {

    @LocalServerPort
    int port;

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    @Test
    void aChannelSellsTheSumOfItsLocationsLessReservationsAndSafetyStockNeverBelowZeroPerLocation() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String channel = StockFixture.uniqueChannel();
        String warehouse = stock.warehouse();
        String shop = stock.shop(47.5, 19.0);
        String notSelling = stock.shop(47.6, 19.1);
        stock.receive(sku, warehouse, 20);
        stock.receive(sku, shop, 2);
        stock.receive(sku, notSelling, 50);
        stock.allow(channel, warehouse, 5);
        stock.allow(channel, shop, 3);

        assertThat(stock.available(channel, sku)).isEqualTo(15);

        assertThat(stock.reserve(sku, warehouse, 4, "cart-1", 600).status()).isEqualTo(201);
        JsonNode availability = api().get("/api/inventory/availability?channel=" + channel + "&sku=" + sku).json();
        assertThat(availability.get("available").asInt()).isEqualTo(11);
        assertThat(availability.get("locations")).hasSize(2);
        JsonNode shopPart = availability.get("locations").valueStream()
                .filter(part -> part.get("locationId").asString().equals(shop)).findFirst().orElseThrow();
        assertThat(shopPart.get("onHand").asInt()).isEqualTo(2);
        assertThat(shopPart.get("safetyStock").asInt()).isEqualTo(3);
        assertThat(shopPart.get("available").asInt()).isZero();

        stock.allow(channel, warehouse, 0);
        assertThat(stock.available(channel, sku)).isEqualTo(16);
        assertThat(api().delete("/api/inventory/channels/" + channel + "/locations/" + warehouse).status())
                .isEqualTo(204);
        assertThat(stock.available(channel, sku)).isZero();
        assertThat(api().get("/api/inventory/channels/" + channel + "/locations").json()).hasSize(1);
    }

    @Test
    void releasedAndFulfilledReservationsStopCountingAndFulfilmentRecordsTheSale() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String channel = StockFixture.uniqueChannel();
        String shop = stock.shop(47.5, 19.0);
        stock.receive(sku, shop, 10);
        stock.allow(channel, shop, 0);
        String kept = stock.reserve(sku, shop, 3, "order-1", 600).json().get("id").asString();
        String dropped = stock.reserve(sku, shop, 2, "cart-2", 600).json().get("id").asString();
        assertThat(stock.available(channel, sku)).isEqualTo(5);

        var confirmed = api().post("/api/inventory/reservations/" + kept + "/confirm", "");
        var released = api().post("/api/inventory/reservations/" + dropped + "/release", "");
        var releasedAgain = api().post("/api/inventory/reservations/" + dropped + "/release", "");
        assertThat(confirmed.json().get("state").asString()).isEqualTo("ALLOCATED");
        assertThat(confirmed.json().has("expiresAt")).isFalse();
        assertThat(released.json().get("state").asString()).isEqualTo("RELEASED");
        assertThat(releasedAgain.status()).isEqualTo(200);
        assertThat(stock.available(channel, sku)).isEqualTo(7);

        var fulfilled = api().post("/api/inventory/reservations/" + kept + "/fulfil", "");
        assertThat(fulfilled.json().get("state").asString()).isEqualTo("FULFILLED");
        JsonNode level = api().get("/api/inventory/locations/" + shop + "/stock/" + sku).json();
        assertThat(level.get("onHand").asInt()).isEqualTo(7);
        assertThat(level.get("reserved").asInt()).isZero();
        assertThat(stock.available(channel, sku)).isEqualTo(7);
        assertThat(api().post("/api/inventory/reservations/" + dropped + "/confirm", "").status()).isEqualTo(409);
    }

    @Test
    void reservingAgainForTheSameCartChangesItsHoldInsteadOfAddingOne() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String shop = stock.shop(47.5, 19.0);
        stock.receive(sku, shop, 5);
        String cart = "cart-" + sku;

        var first = stock.reserve(sku, shop, 2, cart, 600);
        var again = stock.reserve(sku, shop, 2, cart, 600);
        var more = stock.reserve(sku, shop, 5, cart, 600);
        var tooMany = stock.reserve(sku, shop, 6, cart, 600);

        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(more.status()).isEqualTo(201);
        assertThat(more.json().get("quantity").asInt()).isEqualTo(5);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(api().get("/api/inventory/reservations?reference=" + cart).json()).hasSize(1);
        assertThat(api().get("/api/inventory/locations/" + shop + "/stock/" + sku).json().get("reserved").asInt())
                .isEqualTo(5);
    }

    @Test
    void aHoldCanBeExtendedWhileItLives() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String shop = stock.shop(47.5, 19.0);
        stock.receive(sku, shop, 1);
        var hold = stock.reserve(sku, shop, 1, "cart-" + sku, 60).json();

        var extended = api().post("/api/inventory/reservations/" + hold.get("id").asString() + "/extend",
                Api.json(Map.of("ttlSeconds", 3600)));

        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        Instant before = Instant.parse(hold.get("expiresAt").asString());
        Instant after = Instant.parse(extended.json().get("expiresAt").asString());
        assertThat(Duration.between(before, after)).isGreaterThan(Duration.ofMinutes(55));
    }

    @Test
    void pickupListsShopsWithStockNearestFirstWithTheirDistance() {
        var stock = new StockFixture(api());
        String sku = StockFixture.uniqueSku();
        String budapest = stock.shop(47.4979, 19.0402);
        String debrecen = stock.shop(47.5316, 21.6273);
        String tokajEmpty = stock.shop(48.1180, 21.4070);
        String szeged = stock.shop(46.2530, 20.1414);
        String warehouse = stock.warehouse();
        stock.receive(sku, budapest, 5);
        stock.receive(sku, debrecen, 5);
        stock.receive(sku, szeged, 1);
        stock.receive(sku, warehouse, 100);

        // From Nyíregyháza: Debrecen is nearer than Budapest; the empty Tokaj shop and the warehouse never appear.
        JsonNode options = api().get("/api/inventory/pickup?sku=" + sku + "&lat=47.9554&lon=21.7167&quantity=2").json();

        assertThat(options.valueStream().map(option -> option.get("locationId").asString()).toList())
                .containsExactly(debrecen, budapest).doesNotContain(tokajEmpty, szeged, warehouse);
        assertThat(options.get(0).get("distanceKm").asDouble()).isBetween(45.0, 50.0);
        assertThat(options.get(1).get("distanceKm").asDouble()).isBetween(195.0, 210.0);
        assertThat(options.get(0).get("openingHours")).isNotEmpty();
    }
}
