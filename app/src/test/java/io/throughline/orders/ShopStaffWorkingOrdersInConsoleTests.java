package io.throughline.orders;

import static io.throughline.orders.AgentSeeingHerOrdersAndCartOnCustomer360Tests.section;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A shop's associate works the console's order pages: prepares a click &amp; collect order, hands it over with
 * the customer's pickup code, takes goods back at the counter, checks a till cart out, and finds orders; staff
 * of other roles see what their role allows.
 */
@PlatformTest
class ShopStaffWorkingOrdersInConsoleTests {

    static final String BUDAPEST = "budapest@tokaj-cellars.example";
    /** Not the Debrecen shop's account: StaffSignInTests locks that one out on the shared platform. */
    static final String TOKAJ = "tokaj@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void anAssociatePreparesAClickAndCollectOrderAndHandsItOverOnlyWithItsPickupCode() {
        ShopOrders shop = new ShopOrders(port);
        String wine = shop.wine("Pickup Furmint");
        JsonNode order = shop.clickAndCollect(shop.carts.customer(), wine, 2, "shop-budapest");
        String id = order.get("id").asString();
        String number = order.get("number").asString();
        String budapest = shop.carts.location("shop-budapest");
        ConsoleSession associate = signedIn(BUDAPEST);

        String queue = associate.get("/orders/pickups?location=shop-budapest").body();
        assertThat(section(queue, "id=\"to-prepare\"", "</table>")).contains(number).contains("2 × Pickup Furmint");
        assertThat(associate.get("/orders/pick-list?location=shop-budapest").body()).contains(number).contains(wine);

        var ready = associate.submitFromPage(queue, "/orders/" + id + "/ready", Map.of("location", budapest));
        assertThat(ready.statusCode()).isEqualTo(302);
        assertThat(ready.headers().firstValue("Location").orElse("")).endsWith("/orders/pickups?location=shop-budapest");
        String due = associate.get("/orders/pickups?location=shop-budapest").body();
        assertThat(due).contains("is ready for pickup");
        assertThat(section(due, "id=\"due\"", "</table>")).contains(number);
        String code = shop.order(id).get("shipments").get(0).get("pickupCode").asString();

        associate.submitFromPage(due, "/orders/" + id + "/hand-over", Map.of("location", budapest, "code", "WRONG1"));
        String refused = associate.get("/orders/pickups?location=shop-budapest").body();
        assertThat(refused).contains("role=\"alert\"");
        assertThat(shop.order(id).get("state").asString()).isEqualTo("READY_FOR_PICKUP");

        var handOver = associate.submitFromPage(refused, "/orders/" + id + "/hand-over",
                Map.of("location", budapest, "code", code));
        String takePayment = handOver.headers().firstValue("Location").orElse("");
        assertThat(takePayment).as("she pays at pickup: the money first").contains("/orders/" + id + "/take-payment");
        assertThat(shop.order(id).get("state").asString()).isEqualTo("READY_FOR_PICKUP");
        assertThat(shop.order(id).get("payments").get(0).get("state").asString())
                .as("no payment captured before the associate takes the money").isEqualTo("PENDING");
        String asked = associate.get(takePayment.substring(takePayment.indexOf("/orders/"))).body();
        assertThat(section(asked, "id=\"owed\"", "</p>")).as("the amount in the brand's format")
                .containsPattern("\\b900\\b");
        assertThat(asked).contains("name=\"paidWith\" value=\"CASH\"").contains("value=\"CARD_PRESENT\"");

        associate.submitFromPage(asked, "/orders/" + id + "/hand-over",
                Map.of("location", budapest, "code", code, "paidWith", "CARD_PRESENT"));
        String after = associate.get("/orders/pickups?location=shop-budapest").body();
        assertThat(after).contains("Order " + number + " handed over; the money was taken on the card terminal.");
        JsonNode collected = shop.order(id);
        assertThat(collected.get("payments").get(0).get("state").asString()).isEqualTo("CAPTURED");
        assertThat(collected.get("payments").get(0).get("processorReference").asString()).startsWith("terminal_");
        assertThat(shop.order(id).get("state").asString()).isEqualTo("PICKED_UP");
        assertThat(after.contains("id=\"due\"") ? section(after, "id=\"due\"", "</table>") : "").doesNotContain(number);
    }

    @Test
    void anAssociateTakesABottleBackToStoreCreditAndTheReturnShowsOnTheOrderAndInTheShop() {
        ShopOrders shop = new ShopOrders(port);
        String wine = shop.wine("Returned Szamorodni");
        String profile = shop.carts.customer();
        JsonNode order = shop.tillSale(profile, wine, 2, "shop-tokaj");
        String id = order.get("id").asString();
        ConsoleSession associate = signedIn(TOKAJ);
        String page = associate.get("/orders/" + id).body();
        assertThat(page).contains("id=\"accept-return\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("qty-" + wine, "1");
        form.put("location", shop.carts.location("shop-tokaj"));
        form.put("refundTo", "STORE_CREDIT");
        form.put("reason", "Corked");
        HttpResponse<String> accepted = associate.submitFromPage(page, "/orders/" + id + "/returns", form);

        assertThat(accepted.statusCode()).isEqualTo(302);
        String after = associate.get("/orders/" + id).body();
        assertThat(after).contains("Return accepted at").containsPattern("\\b450\\b[^<]{0,5} to store credit");
        assertThat(section(after, "id=\"returns\"", "id=\"accept-return\"")).contains("shop-tokaj")
                .contains("Store credit");
        assertThat(shop.order(id).get("state").asString()).isEqualTo("PARTIALLY_RETURNED");
        assertThat(shop.api.get("/api/customers/" + profile + "/store-credit?currency=CZK").json().get("minor")
                .asLong()).isEqualTo(450_00);
        String received = associate.get("/orders/returns?location=shop-tokaj").body();
        assertThat(section(received, "id=\"received\"", "</table>")).contains(order.get("number").asString())
                .contains("1 × " + wine).contains("Corked");

        associate.submitFromPage(after, "/orders/" + id + "/returns", Map.of("qty-" + wine, "5",
                "location", shop.carts.location("shop-tokaj"), "refundTo", "ORIGINAL_PAYMENT"));
        assertThat(associate.get("/orders/" + id).body()).contains("role=\"alert\"").contains("can be returned");
        assertThat(shop.order(id).get("returns")).hasSize(1);
    }

    @Test
    void theTillChecksTheCartOnScreenOutOnceEvenWhenTheFormIsSentTwice() {
        ShopOrders shop = new ShopOrders(port);
        String wine = shop.wine("Till Kéknyelű");
        String profile = shop.carts.customer();
        String cart = shop.carts.customerCart("shop-tokaj", profile);
        shop.carts.added(cart, "shop-tokaj", wine, 1);
        ConsoleSession associate = signedIn(TOKAJ);
        String till = associate.get("/carts/" + cart + "?channel=shop-tokaj").body();
        assertThat(till).contains("Check out at the till");
        String key = till.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> form = Map.of("cart", cart, "channel", "shop-tokaj", "profile", profile,
                "idempotencyKey", key, "payment", "CASH");

        var first = associate.submitFromPage(till, "/orders/checkout", form);
        var again = associate.submitFromPage(till, "/orders/checkout", form);

        assertThat(first.statusCode()).isEqualTo(302);
        String location = first.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/orders/");
        assertThat(again.headers().firstValue("Location").orElse("")).isEqualTo(location);
        String orderId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode order = shop.order(orderId);
        assertThat(order.get("channel").asString()).isEqualTo("shop-tokaj");
        assertThat(order.get("payments").get(0).get("method").asString()).isEqualTo("CASH");
        assertThat(shop.api.get("/api/customers/" + profile + "/orders").json().get("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    void ordersAreFoundByNumberAndNarrowedByChannelStateAndLocation() {
        ShopOrders shop = new ShopOrders(port);
        String wine = shop.wine("Listed Juhfark");
        String profile = shop.carts.customer();
        JsonNode atTokaj = shop.tillSale(profile, wine, 1, "shop-tokaj");
        JsonNode pickup = shop.clickAndCollect(profile, wine, 1, "shop-budapest");
        ConsoleSession agent = signedIn("agent@tokaj-cellars.example");

        var byNumber = agent.get("/orders?number=" + pickup.get("number").asString());
        assertThat(byNumber.statusCode()).isEqualTo(302);
        assertThat(byNumber.headers().firstValue("Location").orElse("")).endsWith("/orders/" + pickup.get("id").asString());

        String tills = agent.get("/orders?channel=shop-tokaj&state=" + atTokaj.get("state").asString()).body();
        assertThat(section(tills, "id=\"orders\"", "</table>")).contains(atTokaj.get("number").asString())
                .doesNotContain(pickup.get("number").asString());
        String budapest = agent.get("/orders?location=shop-budapest&state=PLACED").body();
        assertThat(budapest).contains(pickup.get("number").asString()).doesNotContain(atTokaj.get("number").asString());
        String hers = agent.get("/orders?customer=" + profile).body();
        assertThat(hers).contains("2 orders").contains(pickup.get("number").asString())
                .contains(atTokaj.get("number").asString());
    }

    @Test
    void agentsReadOrdersButOnlyShopStaffWorkThemAndMarketersAndAnalystsSeeNone() {
        ShopOrders shop = new ShopOrders(port);
        JsonNode order = shop.tillSale(shop.carts.customer(), shop.wine("Guarded Aszú"), 1, "shop-tokaj");
        String id = order.get("id").asString();
        ConsoleSession agent = signedIn("agent@tokaj-cellars.example");
        assertThat(agent.get("/orders").statusCode()).isEqualTo(200);
        var detail = agent.get("/orders/" + id);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).doesNotContain("id=\"accept-return\"");
        assertThat(agent.get("/orders/pickups?location=shop-budapest").statusCode()).isEqualTo(403);
        assertThat(agent.get("/orders/returns?location=shop-tokaj").statusCode()).isEqualTo(403);
        assertThat(agent.submitFromPage(detail.body(), "/orders/" + id + "/returns", Map.of("location",
                shop.carts.location("shop-tokaj"), "refundTo", "STORE_CREDIT", "qty-x", "1")).statusCode())
                .isEqualTo(403);
        for (String outsider : new String[] {"marketing@tokaj-cellars.example", "analyst@tokaj-cellars.example"}) {
            ConsoleSession session = signedIn(outsider);
            assertThat(session.get("/orders").statusCode()).as(outsider).isEqualTo(403);
            assertThat(session.get("/orders/" + id).statusCode()).as(outsider).isEqualTo(403);
        }
        assertThat(new ConsoleSession(port).get("/orders").statusCode()).isEqualTo(302);
        assertThat(signedIn(TOKAJ).get("/orders/pickups?location=shop-tokaj").statusCode()).isEqualTo(200);
    }

    private ConsoleSession signedIn(String email) {
        ConsoleSession session = new ConsoleSession(port);
        session.signIn(email, PlatformTest.DEMO_STAFF_PASSWORD);
        return session;
    }
}
