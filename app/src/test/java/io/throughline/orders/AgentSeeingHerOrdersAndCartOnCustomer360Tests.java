package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class AgentSeeingHerOrdersAndCartOnCustomer360Tests {

    @LocalServerPort
    int port;

    @Test
    void herOrdersFromEveryChannelNewestFirstAndHerOpenCartAreOnHerPage() {
        ShopOrders shop = new ShopOrders(port);
        String wine = shop.wine("Customer 360 Hárslevelű");
        String profile = shop.carts.customer();
        var online = shop.delivered(profile, wine, 1);
        var atTheTill = shop.tillSale(profile, wine, 2, "shop-tokaj");
        String cart = shop.carts.customerCart("app", profile);
        shop.carts.added(cart, "app", wine, 3);
        ConsoleSession agent = new ConsoleSession(port);
        agent.signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);

        var page = agent.get("/customers/" + profile);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String orders = section(page.body(), "id=\"orders\"", "id=\"carts\"");
        String tillNumber = atTheTill.get("number").asString();
        String webNumber = online.get("number").asString();
        assertThat(orders).contains("/orders/" + atTheTill.get("id").asString())
                .contains("/orders/" + online.get("id").asString())
                .contains("shop-tokaj").contains("Over the counter").contains("CZK\u00a0900")
                .contains("web").contains("Home delivery").contains("CZK\u00a0450").contains(">Placed<")
                .doesNotContain("PLACED").doesNotContain("HOME_DELIVERY");
        assertThat(orders.indexOf(tillNumber)).as("newest first").isLessThan(orders.indexOf(webNumber));
        String carts = section(page.body(), "id=\"carts\"", "id=\"messages\"");
        assertThat(carts).contains("/carts/" + cart).contains("3 × Customer 360 Hárslevelű").contains("app")
                .contains("CZK\u00a01,350");

        var orderPage = agent.get("/orders/" + atTheTill.get("id").asString());
        assertThat(orderPage.statusCode()).as(orderPage.body()).isEqualTo(200);
        assertThat(orderPage.body()).contains("Order " + tillNumber).contains("Customer 360 Hárslevelű")
                .contains(">Cash<").contains("/customers/" + profile);
    }

    @Test
    void aCustomerWithoutOrdersOrCartIsToldSo() {
        ShopOrders shop = new ShopOrders(port);
        String profile = shop.carts.customer();
        ConsoleSession agent = new ConsoleSession(port);
        agent.signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD);

        var page = agent.get("/customers/" + profile);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No orders in any channel yet.").contains("No open cart.");
    }

    static String section(String page, String from, String to) {
        int start = page.indexOf(from);
        int end = page.indexOf(to, start);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return page.substring(start, end);
    }
}
