package io.throughline.carts;

import static io.throughline.carts.CartFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.platform.Channel;
import io.throughline.platform.ConflictException;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import io.throughline.tracking.Channels;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A web cart whose stock sits in the warehouse reaches the Budapest till by its handoff code: the till takes it
 * over, its holds move to the shop where the shop has enough, it is priced as the shop sells, and what the shop
 * lacks is said per line instead of failing at the payment.
 */
@PlatformTest
class TillTakingOverAHandedOffCartTests {

    @LocalServerPort
    int port;

    @Autowired
    Carts carts;

    @Autowired
    Channels channels;

    CartFixture fixture;
    Api api;
    Channel budapestTill;
    UUID budapest;
    String warehouse;

    @BeforeEach
    void setUp() {
        fixture = new CartFixture(port);
        api = fixture.api;
        budapestTill = channels.resolve("shop-budapest");
        budapest = UUID.fromString(fixture.location("shop-budapest"));
        warehouse = fixture.location("warehouse-tokaj");
    }

    @Test
    void theHoldsMoveFromTheWarehouseToTheShopAndTheCartIsPricedAsTheShopSellsIt() {
        String sku = fixture.product("Disznókő Furmint", List.of("web", "shop-budapest"), "1000.00");
        shopPrice(sku, "900.00");
        fixture.receive(sku, "warehouse-tokaj", 20);
        fixture.receive(sku, "shop-budapest", 3);
        String cart = fixture.anonymousCart("web");
        JsonNode onTheWeb = fixture.added(cart, "web", sku, 2);
        String webHold = line(onTheWeb, sku).get("hold").get("reservationId").asString();
        assertThat(line(onTheWeb, sku).get("hold").get("locationId").asString())
                .as("the web holds it where it has most").isEqualTo(warehouse);
        assertThat(onTheWeb.get("quote").get("total").get("minor").asLong()).isEqualTo(200_000);

        AtTill atTill = carts.claimAtTill(handoffCode(cart, "web"), budapest, budapestTill);

        assertThat(atTill.shortfalls()).isEmpty();
        Cart taken = atTill.cart();
        assertThat(taken.id().toString()).isEqualTo(cart);
        assertThat(taken.channel()).isEqualTo("shop-budapest");
        assertThat(taken.quote().total().minor()).as("priced as the shop sells it").isEqualTo(180_000);
        assertThat(taken.fulfilment().kind()).isEqualTo(Fulfilment.Kind.PICKUP);
        assertThat(taken.fulfilment().locationId()).isEqualTo(budapest);
        Cart.Hold hold = taken.lines().getFirst().hold();
        assertThat(hold.locationId()).isEqualTo(budapest);
        assertThat(hold.active()).isTrue();
        assertThat(fixture.reservation(webHold).get("state").asString()).as("the warehouse's hold given back")
                .isEqualTo("RELEASED");
        assertThat(fixture.reservation(hold.reservationId().toString()).get("quantity").asInt()).isEqualTo(2);
        assertThat(carts.peek(taken.id(), null).quote().total().minor()).as("the cart stays the till's")
                .isEqualTo(180_000);
    }

    @Test
    void aLineTheShopHasTooFewOfIsReportedWithWhatTheShopHasAndStaysHeldWhereItWas() {
        String aszu = fixture.product("Royal Tokaji Aszú", List.of("web", "shop-budapest"), "5000.00");
        String furmint = fixture.product("Oremus Furmint", List.of("web", "shop-budapest"), "800.00");
        fixture.receive(aszu, "warehouse-tokaj", 10);
        fixture.receive(aszu, "shop-budapest", 1);
        fixture.receive(furmint, "warehouse-tokaj", 10);
        fixture.receive(furmint, "shop-budapest", 4);
        String cart = fixture.anonymousCart("web");
        fixture.added(cart, "web", aszu, 2);
        fixture.added(cart, "web", furmint, 1);

        AtTill atTill = carts.claimAtTill(handoffCode(cart, "web"), budapest, budapestTill);

        assertThat(atTill.shortfalls()).singleElement().satisfies(shortfall -> {
            assertThat(shortfall.sku()).isEqualTo(aszu);
            assertThat(shortfall.name()).isEqualTo("Royal Tokaji Aszú");
            assertThat(shortfall.quantity()).isEqualTo(2);
            assertThat(shortfall.availableHere()).isEqualTo(1);
            assertThat(shortfall.heldAt().toString()).isEqualTo(warehouse);
        });
        assertThat(holdOf(atTill.cart(), furmint).locationId()).isEqualTo(budapest);
        assertThat(holdOf(atTill.cart(), aszu).locationId().toString()).isEqualTo(warehouse);
        assertThat(holdOf(atTill.cart(), aszu).active()).isTrue();

        // The associate settles it with her: one bottle from the shelf; the till brings the cart over again.
        carts.change(atTill.cart().id(), aszu, 1, budapestTill, null);
        AtTill settled = carts.bringToShop(atTill.cart().id(), budapest, budapestTill);

        assertThat(settled.shortfalls()).isEmpty();
        assertThat(holdOf(settled.cart(), aszu).locationId()).isEqualTo(budapest);
        assertThat(holdOf(settled.cart(), aszu).quantity()).isEqualTo(1);
        assertThat(settled.cart().quote().total().minor()).isEqualTo(500_000 + 80_000);
    }

    @Test
    void aLineAddedAtTheTillIsHeldAtTheShopAndACodeCannotBeClaimedTwice() {
        String sku = fixture.product("Szepsy Furmint", List.of("web", "shop-budapest"), "700.00");
        fixture.receive(sku, "warehouse-tokaj", 30);
        fixture.receive(sku, "shop-budapest", 2);
        String cart = fixture.anonymousCart("web");
        String code = handoffCode(cart, "web");
        carts.claimAtTill(code, budapest, budapestTill);

        Cart added = carts.add(UUID.fromString(cart), sku, 2, budapestTill, null);

        assertThat(added.lines().getFirst().hold().locationId()).as("not the warehouse with more").isEqualTo(budapest);
        assertThatThrownBy(() -> carts.claimAtTill(code, budapest, budapestTill))
                .isInstanceOf(ConflictException.class).hasMessageContaining("was already used")
                .hasMessageNotContaining("shop-budapest");
    }

    private void shopPrice(String sku, String price) {
        var list = api.post("/api/pricing/price-lists", Api.json(Map.of("name", "Budapest till " + sku,
                "currency", CartFixture.CURRENCY, "channels", List.of("shop-budapest"), "priority", 10)));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        fixture.setPrice(list.json().get("id").asString(), sku, price);
    }

    private String handoffCode(String cart, String channel) {
        var issued = api.post("/api/carts/" + cart + "/handoff?channel=" + channel, "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("code").asString();
    }

    private static Cart.Hold holdOf(Cart cart, String sku) {
        return cart.lines().stream().filter(line -> line.sku().equals(sku)).findFirst().orElseThrow().hold();
    }
}
