package io.throughline.recommendations;

import static io.throughline.recommendations.RecommendationFixture.item;
import static io.throughline.recommendations.RecommendationFixture.skus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.customers.CustomerProfiles;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations learnt from an imported order history and from what shoppers do live: bought together on the
 * product page, "for you" with its explanation, the guardrails (what she just bought, the channel's stock, her
 * opting out of personalisation), and unknown shoppers answered with the non-personal list.
 */
@PlatformTest
class CustomersGettingRecommendationsTests {

    @LocalServerPort
    int port;

    @Autowired
    Recommendations recommendations;
    @Autowired
    CustomerProfiles profiles;
    @Autowired
    Consents consents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void herHistoryAndOtherCustomersBasketsMakeHerListAndTheGuardrailsHold() {
        RecommendationFixture history = new RecommendationFixture(port);
        for (String other : new String[] {"c1", "c2", "c3", "c4", "c5"}) {
            history.order(other, 30, "A", "B");
        }
        history.order("c1", 20, "C", "D").order("c2", 21, "C", "D").order("c3", 22, "C", "D");
        history.order("her", 40, "A").order("her", 2, "E");
        history.imported();
        UUID her = profiles.findByIdentity("user_id", history.customer("her")).orElseThrow().id();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM recommendations.interaction WHERE profile_id = ?").param(her)
                .query(Long.class).single() == 2);
        rebuilt();

        JsonNode page = history.ask("placement=product-page&sku=" + history.sku("A") + "&limit=3");
        assertThat(skus(page).getFirst()).isEqualTo(history.sku("B"));
        assertThat(page.get("personal").asBoolean()).isFalse();
        assertThat(item(page, history.sku("B")).get("explanation").asString())
                .isEqualTo("Often bought together with " + history.name("A"));

        JsonNode forHer = history.forCustomer("her", "placement=email&limit=5");
        assertThat(forHer.get("personal").asBoolean()).isTrue();
        assertThat(forHer.get("basis").asString()).isEqualTo("PERSONAL");
        assertThat(skus(forHer).getFirst()).isEqualTo(history.sku("B"));
        JsonNode b = item(forHer, history.sku("B"));
        assertThat(b.get("reason").get("kind").asString()).isEqualTo("BOUGHT_BY_SIMILAR");
        assertThat(b.get("reason").get("sku").asString()).isEqualTo(history.sku("A"));
        assertThat(b.get("explanation").asString()).startsWith("Bought together with " + history.name("A")
                + ", which you bought at ");
        assertThat(skus(forHer)).as("what she bought two days ago, which nobody buys again")
                .doesNotContain(history.sku("E"));

        // The web keeps stock: only what is in stock there is offered on the web.
        JsonNode onTheWeb = history.forCustomer("her", "placement=email&limit=5&channel=web");
        assertThat(skus(onTheWeb)).doesNotContain(history.sku("B"));
        new CartFixture(port).receive(history.sku("B"), "warehouse-tokaj", 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> skus(history.forCustomer("her",
                "placement=email&limit=5&channel=web")).contains(history.sku("B")));

        consents.record(her, new Consent(Consent.Purpose.PERSONALIZATION, Consent.Channel.EMAIL, false,
                "staff:test", Instant.now()));
        JsonNode optedOut = history.forCustomer("her", "placement=email&limit=5");
        assertThat(optedOut.get("personal").asBoolean()).isFalse();
        assertThat(optedOut.get("basis").asString()).isEqualTo("OPTED_OUT");
        optedOut.get("items").forEach(item -> assertThat(item.get("reason").get("kind").asString())
                .isIn("POPULAR", "TRENDING"));

        JsonNode stranger = history.ask("identity=user_id:" + history.customer("nobody") + "&placement=home");
        assertThat(stranger.get("basis").asString()).isEqualTo("UNKNOWN_CUSTOMER");
        assertThat(stranger.get("items").size()).isPositive();
        assertThat(history.ask("anonymousId=" + history.customer("guest") + "&placement=home").get("basis")
                .asString()).isEqualTo("UNKNOWN_CUSTOMER");
    }

    @Test
    void whatAShopperDoesNowShapesHerListBeforeTheNextBuild() {
        RecommendationFixture history = new RecommendationFixture(port);
        for (String other : new String[] {"c1", "c2", "c3"}) {
            history.order(other, 10, "F", "G");
        }
        history.imported();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM recommendations.interaction WHERE sku = ?").param(history.sku("G"))
                .query(Long.class).single() == 3);
        rebuilt();
        // A guest on the web shop, known only by the anonymous id her browser holds.
        String guest = history.customer("guest-browser");
        assertThat(history.ask("anonymousId=" + guest + "&placement=home").get("basis").asString())
                .isEqualTo("UNKNOWN_CUSTOMER");

        Collector collector = new Collector(port, PlatformTest.WEB_WRITE_KEY);
        Api.Response tracked = collector.send("track", Api.json(Map.of("anonymousId", guest, "event",
                "Product Viewed", "properties", Map.of("sku", history.sku("F"), "name", history.name("F")))));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> history.ask("anonymousId=" + guest + "&placement=home")
                .get("basis").asString().equals("PERSONAL"));
        JsonNode list = history.ask("anonymousId=" + guest + "&placement=home&limit=3");
        assertThat(skus(list).getFirst()).isEqualTo(history.sku("G"));
        assertThat(item(list, history.sku("G")).get("reason").get("sku").asString()).isEqualTo(history.sku("F"));
    }

    @Test
    void herCartIsCompletedByWhatGoesWithItLeaningToHerTasteAndTheTillOffersWhatSheLikes() {
        RecommendationFixture history = new RecommendationFixture(port);
        for (String other : new String[] {"c1", "c2", "c3"}) {
            history.order(other, 30, "A", "B");
        }
        for (String other : new String[] {"c4", "c5", "c9"}) {
            history.order(other, 30, "A", "C");
        }
        for (String other : new String[] {"c6", "c7", "c8"}) {
            history.order(other, 30, "D", "C");
        }
        history.order("her", 40, "D");
        history.imported();
        UUID her = profiles.findByIdentity("user_id", history.customer("her")).orElseThrow().id();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM recommendations.interaction WHERE profile_id = ?").param(her)
                .query(Long.class).single() == 1);
        rebuilt();

        JsonNode anyonesCart = history.ask("placement=cart&sku=" + history.sku("A") + "&limit=3");
        assertThat(anyonesCart.get("basis").asString()).isEqualTo("NOT_PERSONAL");
        assertThat(skus(anyonesCart)).startsWith(history.sku("B"), history.sku("C"))
                .doesNotContain(history.sku("A"));

        JsonNode herCart = history.forCustomer("her", "placement=cart&sku=" + history.sku("A") + "&limit=3");
        assertThat(herCart.get("basis").asString()).isEqualTo("PERSONAL");
        assertThat(skus(herCart)).as("C goes with her cart and with what she bought").startsWith(history.sku("C"))
                .contains(history.sku("B")).doesNotContain(history.sku("A"));

        JsonNode atTheTill = history.forCustomer("her", "placement=till&sku=" + history.sku("A") + "&limit=3");
        assertThat(atTheTill.get("basis").asString()).isEqualTo("PERSONAL");
        assertThat(skus(atTheTill).getFirst()).isEqualTo(history.sku("C"));
        assertThat(skus(atTheTill)).as("what is in her hands already").doesNotContain(history.sku("A"));

        consents.record(her, new Consent(Consent.Purpose.PERSONALIZATION, Consent.Channel.EMAIL, false,
                "staff:test", Instant.now()));
        JsonNode optedOut = history.forCustomer("her", "placement=cart&sku=" + history.sku("A") + "&limit=3");
        assertThat(optedOut.get("basis").asString()).isEqualTo("OPTED_OUT");
        assertThat(skus(optedOut)).startsWith(history.sku("B"), history.sku("C"));
    }

    @Test
    void theDemoBrandsFlutesComeWithSparklingWine() {
        rebuilt();
        JsonNode flutes = new RecommendationFixture(port).ask("placement=product-page&sku=ACC-GLASS-FLUTE-6&limit=3");
        assertThat(skus(flutes)).isNotEmpty();
        assertThat(skus(flutes).getFirst()).as(flutes.toString())
                .matches("TK-PEZS-.*|ACC-STOPPER|ACC-ICE-BUCKET");
        assertThat(flutes.get("items").get(0).get("reason").get("kind").asString()).isEqualTo("BOUGHT_TOGETHER");
    }

    @Test
    void nonsenseIsRefusedNamingTheField() {
        RecommendationFixture fixture = new RecommendationFixture(port);
        Api.Response placement = fixture.api().get("/api/recommendations?placement=shelf");
        assertThat(placement.status()).isEqualTo(400);
        assertThat(placement.contentType()).startsWith("application/problem+json");
        assertThat(placement.json().get("errors").get(0).get("field").asString()).isEqualTo("placement");
        assertThat(fixture.api().get("/api/recommendations?limit=500").json().get("errors").get(0).get("field")
                .asString()).isEqualTo("limit");
        assertThat(fixture.api().get("/api/recommendations?placement=product-page").json().get("errors").get(0)
                .get("field").asString()).isEqualTo("sku");
        assertThat(fixture.api().get("/api/recommendations?identity=nocolon").json().get("errors").get(0)
                .get("field").asString()).isEqualTo("identity");
    }

    private void rebuilt() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> recommendations.rebuild().builtAt() != null);
    }
}
