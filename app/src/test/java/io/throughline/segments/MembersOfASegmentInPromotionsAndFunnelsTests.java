package io.throughline.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Other modules use segment membership: a promotion for a segment applies to its members wherever they are priced
 * (the channel names only the customer; pricing asks segments which she is in), and the analyst's funnel counts
 * the members of a segment only when asked to.
 */
@PlatformTest
class MembersOfASegmentInPromotionsAndFunnelsTests {

    @LocalServerPort
    int port;

    @Autowired
    SegmentWork work;

    @Test
    void aMemberGetsTheSegmentsPromotionWithoutTheChannelNamingTheSegment() {
        SegmentFixtures fixtures = new SegmentFixtures(port);
        CartFixture catalogue = new CartFixture(port);
        String sku = catalogue.product("Tokaji Szamorodni 2019", List.of("web"), "1000.00");
        String run = "priced-" + UUID.randomUUID();
        String key = SegmentFixtures.key("wine-club");
        fixtures.create("""
                {"key": "%s", "name": "Wine club", "condition": {"type": "all", "conditions": [
                  {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
                  {"type": "trait", "trait": "club", "op": "eq", "value": true}]}}""".formatted(key, run));
        work.evaluatePending();
        String member = fixtures.customer(SegmentFixtures.userId("cecilia"), Map.of("test_run", run, "club", true));
        String outsider = fixtures.customer(SegmentFixtures.userId("dalma"), Map.of("test_run", run, "club", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.members(key).contains(member));

        var promotion = catalogue.api.post("/api/pricing/promotions", Api.json(Map.of("name", "Wine club " + run,
                "stacking", "STACKABLE", "priority", 5, "couponRequired", false,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 10, "scope", "ITEMS"),
                "conditions", Map.of("products", List.of(sku), "segments", List.of(key)))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);

        JsonNode priced = quote(catalogue, sku, member);
        assertThat(priced.get("total").get("minor").asLong()).isEqualTo(90_000);
        assertThat(priced.get("adjustments").get(0).get("promotionName").asString()).isEqualTo("Wine club " + run);
        assertThat(quote(catalogue, sku, outsider).get("total").get("minor").asLong()).isEqualTo(100_000);
    }

    @Test
    void theFunnelOfASegmentCountsItsMembersOnly() {
        SegmentFixtures fixtures = new SegmentFixtures(port);
        String run = "funnel-" + UUID.randomUUID();
        String key = SegmentFixtures.key("tasters");
        fixtures.create("""
                {"key": "%s", "name": "Tasters", "condition": {"type": "all", "conditions": [
                  {"type": "trait", "trait": "test_run", "op": "eq", "value": "%s"},
                  {"type": "trait", "trait": "taster", "op": "eq", "value": true}]}}""".formatted(key, run));
        work.evaluatePending();
        String memberUser = SegmentFixtures.userId("emese");
        String member = fixtures.customer(memberUser, Map.of("test_run", run, "taster", true));
        String outsiderUser = SegmentFixtures.userId("flora");
        fixtures.customer(outsiderUser, Map.of("test_run", run, "taster", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.members(key).contains(member));
        String booked = "Tasting Booked " + run;
        fixtures.track(memberUser, booked, Map.of());
        fixtures.track(outsiderUser, booked, Map.of());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Map<String, Object> everyone = Map.of("from", today.minusDays(1).toString(), "to", today.plusDays(2).toString(),
                "steps", List.of(Map.of("event", booked), Map.of("event", "Order Completed", "windowHours", 1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> reached(fixtures, everyone) == 2);
        Map<String, Object> tasters = new java.util.HashMap<>(everyone);
        tasters.put("segment", key);
        assertThat(reached(fixtures, tasters)).isEqualTo(1);
        tasters.put("step", 1);
        var customers = fixtures.api().post("/api/analytics/funnels/customers", Api.json(tasters));
        assertThat(customers.status()).as(customers.body()).isEqualTo(200);
        assertThat(customers.json().valueStream().map(customer -> customer.get("profileId").asString()).toList())
                .containsExactly(member);
        tasters.put("segment", "no-such-segment");
        var refused = fixtures.api().post("/api/analytics/funnels", Api.json(tasters));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("segment");
    }

    private static long reached(SegmentFixtures fixtures, Map<String, Object> request) {
        var funnel = fixtures.api().post("/api/analytics/funnels", Api.json(request));
        assertThat(funnel.status()).as(funnel.body()).isEqualTo(200);
        return funnel.json().get("reached").get(0).asLong();
    }

    private static JsonNode quote(CartFixture catalogue, String sku, String customer) {
        var quote = catalogue.api.post("/api/pricing/quotes", Api.json(Map.of("channel", "web", "currency",
                CartFixture.CURRENCY, "customerId", customer, "lines", List.of(Map.of("sku", sku, "quantity", 1)))));
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        return quote.json();
    }
}
