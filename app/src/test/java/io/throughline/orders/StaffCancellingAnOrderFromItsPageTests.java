package io.throughline.orders;

import static io.throughline.orders.AgentSeeingHerOrdersAndCartOnCustomer360Tests.section;
import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An order's page tells its history — each state with when and through which channel — and lets staff cancel
 * an order nothing of which has been handed over, but not one that has.
 */
@PlatformTest
class StaffCancellingAnOrderFromItsPageTests {

    @LocalServerPort
    int port;

    @Test
    void anAssociateCancelsAWebOrderNotYetShippedAndItsHistoryShowsWhoDidWhat() {
        ShopOrders shop = new ShopOrders(port);
        String wine = shop.wine("Cancelled Kabar");
        JsonNode order = shop.delivered(shop.carts.customer(), wine, 2);
        String id = order.get("id").asString();
        String from = order.get("shipments").get(0).get("locationCode").asString();
        int reservedBefore = shop.fixture.reserved(wine, from);
        assertThat(reservedBefore).as("allocated to the order at " + from).isGreaterThanOrEqualTo(2);
        ConsoleSession associate = new ConsoleSession(port);
        associate.signIn(ShopStaffWorkingOrdersInConsoleTests.BUDAPEST, PlatformTest.DEMO_STAFF_PASSWORD);

        String page = associate.get("/orders/" + id).body();
        assertThat(section(page, "id=\"history\"", "</table>")).contains("data-state=\"PLACED\"").contains(">web<");
        assertThat(page).contains("id=\"cancel-order\"");

        HttpResponse<String> withoutReason = associate.submitFromPage(page, "/orders/" + id + "/cancel",
                Map.of("reason", " "));
        assertThat(withoutReason.statusCode()).isEqualTo(302);
        assertThat(associate.get("/orders/" + id).body()).contains("Give the reason for cancelling");
        assertThat(shop.order(id).get("state").asString()).isEqualTo("PLACED");

        HttpResponse<String> cancelled = associate.submitFromPage(page, "/orders/" + id + "/cancel",
                Map.of("reason", "She ordered the wrong vintage"));

        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(cancelled.headers().firstValue("Location").orElse("")).endsWith("/orders/" + id);
        JsonNode after = shop.order(id);
        assertThat(after.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(after.get("payments").get(0).get("state").asString()).isEqualTo("REFUNDED");
        assertThat(after.get("history").valueStream().map(change -> change.get("state").asString() + " "
                + change.get("channel").asString())).containsExactly("PLACED web", "CANCELLED console");
        assertThat(shop.fixture.reserved(wine, from)).as("released at " + from).isEqualTo(reservedBefore - 2);
        String shown = associate.get("/orders/" + id).body();
        assertThat(shown).contains("Order " + order.get("number").asString() + " cancelled");
        assertThat(section(shown, "id=\"history\"", "</table>")).contains("data-state=\"CANCELLED\"")
                .contains(">console<");
        assertThat(shown).doesNotContain("id=\"cancel-order\"");
    }

    @Test
    void anOrderHandedOverAtTheCounterCannotBeCancelled() {
        ShopOrders shop = new ShopOrders(port);
        String wine = shop.wine("Counter Muskotály");
        JsonNode sale = shop.tillSale(shop.carts.customer(), wine, 1, "shop-budapest");
        String id = sale.get("id").asString();
        ConsoleSession associate = new ConsoleSession(port);
        associate.signIn(ShopStaffWorkingOrdersInConsoleTests.BUDAPEST, PlatformTest.DEMO_STAFF_PASSWORD);

        String page = associate.get("/orders/" + id).body();
        assertThat(page).doesNotContain("id=\"cancel-order\"");
        associate.submitFromPage(page, "/orders/" + id + "/cancel", Map.of("reason", "changed her mind"));

        assertThat(associate.get("/orders/" + id).body()).contains("role=\"alert\"")
                .contains("is PICKED_UP; it cannot become CANCELLED");
        assertThat(shop.order(id).get("state").asString()).isEqualTo("PICKED_UP");
    }
}
