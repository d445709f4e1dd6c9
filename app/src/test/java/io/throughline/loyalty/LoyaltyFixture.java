package io.throughline.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The programme the loyalty tests run under, and the calls a till and the console make: one point per 10 CZK
 * (the carts tests' currency) in every channel, a point worth 1 CZK, and the multipliers a test names.
 */
final class LoyaltyFixture {

    final Api api;

    LoyaltyFixture(Api api) {
        this.api = api;
    }

    /** Sets the programme with the multipliers given as SKU → percent. */
    void programme(Map<String, Integer> skuPercents) {
        var saved = api.put("/api/loyalty/programme", Api.json(Map.of("name", "Cellar Club", "expiryDays", 365,
                "minorPerPoint", Map.of("CZK", 100, "HUF", 100),
                "rates", List.of(Map.of("currency", "CZK", "spendMinor", 1000, "points", 1, "minSpendMinor", 0),
                        Map.of("currency", "HUF", "spendMinor", 10000, "points", 1, "minSpendMinor", 0)),
                "multipliers", skuPercents.entrySet().stream().map(entry -> Map.of("target", "SKU",
                        "key", entry.getKey(), "percent", entry.getValue())).toList())));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        withoutBoosts();
    }

    /** No tiers, bonuses, promotions or rewards, so that what a test earns is its rates alone. */
    void withoutBoosts() {
        for (var reset : List.of(
                api.put("/api/loyalty/tiers", Api.json(Map.of("basis", "POINTS", "windowDays", 365, "tiers", List.of()))),
                api.put("/api/loyalty/bonuses", "[]"), api.put("/api/loyalty/promotions", "[]"),
                api.put("/api/loyalty/rewards", "[]"))) {
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        }
    }

    JsonNode member(String profileId) {
        var member = api.get("/api/loyalty/members/" + profileId);
        assertThat(member.status()).as(member.body()).isEqualTo(200);
        return member.json();
    }

    long balance(String profileId) {
        var member = api.get("/api/loyalty/members/" + profileId);
        return member.status() == 404 ? 0 : member.json().get("balance").asLong();
    }

    List<JsonNode> statement(String profileId) {
        var statement = api.get("/api/loyalty/members/" + profileId + "/statement?size=100");
        assertThat(statement.status()).as(statement.body()).isEqualTo(200);
        return statement.json().get("items").valueStream().toList();
    }

    Api.Response adjust(String profileId, long points, String reason) {
        return api.post("/api/loyalty/members/" + profileId + "/adjustments",
                Api.json(Map.of("points", points, "reason", reason)));
    }

    /** A basket sent by the till with its key: what was paid (CZK minor units per SKU line) and points to spend. */
    Api.Response basket(String channel, String key, String profileId, long burnPoints, Map<String, Long> paid) {
        Map<String, Object> body = new HashMap<>();
        body.put("profileId", profileId);
        body.put("localTime", OffsetDateTime.parse("2026-12-05T16:30:00+01:00").toString());
        body.put("currency", "CZK");
        body.put("burnPoints", burnPoints);
        body.put("lines", paid.entrySet().stream().map(line -> Map.of("sku", line.getKey(), "quantity", 1,
                "paidMinor", line.getValue())).toList());
        return api.send(api.request("/api/loyalty/till/baskets?channel=" + channel)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.json(body))));
    }

    static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.body()).contains(field);
    }
}
