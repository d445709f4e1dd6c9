package io.throughline.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The next best offer in the console: at the till, what goes with the sale from what the shop has on its shelves,
 * with a button that adds it; on the agent's screen, from her own history, with why, her read recorded.
 */
@PlatformTest
class AssociateAndAgentSeeingTheNextBestOfferInConsoleTests {

    /** Not the Debrecen shop's account: StaffSignInTests locks that one out on the shared platform. */
    static final String STORE_ASSOCIATE = "tokaj@tokaj-cellars.example";
    static final String AGENT = "agent@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Autowired
    Recommendations recommendations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTillOffersWhatGoesWithTheSaleAndTheAgentWhatSheLikes() {
        CartFixture shop = new CartFixture(port);
        RecommendationFixture history = new RecommendationFixture(port);
        String wine = shop.product("Hárslevelű " + history.tag, List.of("shop-tokaj", "web"), "20.00");
        String glasses = shop.product("White glasses " + history.tag, List.of("shop-tokaj", "web"), "30.00");
        String elsewhere = shop.product("Budapest only " + history.tag, List.of("shop-budapest"), "30.00");
        shop.receive(wine, "shop-tokaj", 5);
        shop.receive(glasses, "shop-tokaj", 5);
        shop.receive(elsewhere, "shop-budapest", 5);
        for (String other : new String[] {"c1", "c2", "c3"}) {
            history.orderOf(other, 20, wine, glasses, elsewhere);
        }
        history.orderOf("her", 40, wine);
        history.imported();
        String her = history.api().get("/api/customers?identity=user_id:" + history.customer("her")).json()
                .get("items").get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM recommendations.interaction WHERE sku = ?").param(glasses)
                .query(Long.class).single() == 3);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> recommendations.rebuild().builtAt() != null);
        String sale = shop.anonymousCart("shop-tokaj");
        shop.added(sale, "shop-tokaj", wine, 1);

        ConsoleSession associate = new ConsoleSession(port);
        associate.signIn(STORE_ASSOCIATE, PlatformTest.DEMO_STAFF_PASSWORD);
        var offer = associate.get("/carts/" + sale + "/next-best-offer?till=true");
        assertThat(offer.statusCode()).as(offer.body()).isEqualTo(200);
        assertThat(offer.body()).contains("data-sku=\"" + glasses + "\"").contains("White glasses " + history.tag)
                .contains("Often bought together with Hárslevelű " + history.tag)
                .contains("action=\"/till/sales/" + sale + "/lines\"").contains("Add to the sale")
                .contains("data-basis=\"UNKNOWN_CUSTOMER\"");
        assertThat(offer.body()).as("in the sale already; not on the shop's shelves")
                .doesNotContain("data-sku=\"" + wine + "\"").doesNotContain("data-sku=\"" + elsewhere + "\"");

        ConsoleSession agent = new ConsoleSession(port);
        agent.signIn(AGENT, PlatformTest.DEMO_STAFF_PASSWORD);
        var forHer = agent.get("/customers/" + her + "/next-best-offer");
        assertThat(forHer.statusCode()).as(forHer.body()).isEqualTo(200);
        assertThat(forHer.body()).contains("data-basis=\"PERSONAL\"").contains("data-sku=\"" + glasses + "\"")
                .contains("which she bought at").doesNotContain("Add to the sale");
        assertThat(jdbc.sql("SELECT count(*) FROM privacy.access_log WHERE profile_id = ?::uuid AND action = ?")
                .params(her, "recommendations").query(Long.class).single()).isPositive();
    }
}
