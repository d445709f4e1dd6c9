package io.throughline.loyalty;

import static io.throughline.loyalty.LoyaltyFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.carts.CartFixture;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A member of the cellar club from her sign-up on: bonuses for signing up and for her consent, tiers that
 * multiply what she earns, a double-points weekend at one shop, her birthday gift with her tier's extra, a reward
 * claimed for a coupon, and a tier she loses when the programme drops it.
 */
@PlatformTest
class MemberClimbingTiersAndClaimingARewardTests {

    @LocalServerPort
    int port;

    @Test
    void sheEarnsBonusesClimbsATierEarnsMoreAndExchangesPointsForACoupon() {
        CartFixture carts = new CartFixture(port);
        Api api = carts.api;
        Admin admin = new Admin(port);
        LoyaltyFixture loyalty = new LoyaltyFixture(api);
        loyalty.programme(Map.of());
        try {
            var tiers = api.put("/api/loyalty/tiers", Api.json(Map.of("basis", "POINTS", "windowDays", 365,
                    "tiers", List.of(Map.of("name", "Member", "threshold", 0),
                            Map.of("name", "Gold", "threshold", 100, "earnPercent", 150, "birthdayPoints", 40),
                            Map.of("name", "Grand Cru", "threshold", 100_000, "earnPercent", 200)))));
            assertThat(tiers.status()).as(tiers.body()).isEqualTo(200);
            assertThat(api.put("/api/loyalty/bonuses", Api.json(List.of(Map.of("kind", "SIGN_UP", "points", 50),
                    Map.of("kind", "CONSENT_GIVEN", "points", 25), Map.of("kind", "BIRTHDAY", "points", 10))))
                    .status()).isEqualTo(200);
            // Saturday 5 December 2026, the fixture's till time, is a double-points day at the Tokaj shop only.
            assertThat(api.put("/api/loyalty/promotions", Api.json(List.of(Map.of("name", "Double points weekend",
                    "channel", "shop-tokaj", "percent", 200, "startsAt", "2026-12-05T00:00:00+01:00",
                    "endsAt", "2026-12-07T00:00:00+01:00")))).status()).isEqualTo(200);

            // She signs up through the brand's own backend, stating her consent and her birthday (today).
            String userId = "cellar-" + CartFixture.unique();
            Collector crm = new Collector(port, serverWriteKey(api));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            assertThat(crm.send("identify", Api.json(Map.of("userId", userId, "traits", Map.of(
                    "email", userId.toLowerCase() + "@example.com", "birthday", today.withYear(1990).toString(),
                    "consent", Map.of("marketing", Map.of("email", true)))))).status()).isEqualTo(200);
            assertThat(crm.send("track", Api.json(Map.of("userId", userId, "event", "Signed Up"))).status())
                    .isEqualTo(200);
            String profile = admin.profileOf("user_id:" + userId);
            await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.balance(profile) == 50 + 25);
            // The same events read again give nothing twice.
            assertThat(crm.send("track", Api.json(Map.of("userId", userId, "event", "Signed Up"))).status())
                    .isEqualTo(200);

            // 1,000 CZK at the Budapest till earn 100 points and make her Gold at once.
            var first = loyalty.basket("shop-budapest", "rcpt-" + UUID.randomUUID(), profile, 0,
                    Map.of("TOKAJI-1", 100_000L));
            assertThat(first.json().get("earned").asLong()).as(first.body()).isEqualTo(100);
            JsonNode tier = api.get("/api/loyalty/members/" + profile + "/tier").json();
            assertThat(tier.get("tier").get("name").asString()).isEqualTo("Gold");
            assertThat(tier.get("next").get("name").asString()).isEqualTo("Grand Cru");
            assertThat(tier.get("qualifying").asLong()).isEqualTo(100);
            // 200 CZK at the Tokaj shop that weekend: 20 points, half again for Gold, doubled for the weekend.
            var second = loyalty.basket("shop-tokaj", "rcpt-" + UUID.randomUUID(), profile, 0,
                    Map.of("TOKAJI-2", 20_000L));
            assertThat(second.json().get("earned").asLong()).as(second.body()).isEqualTo(60);
            assertThat(loyalty.balance(profile)).isEqualTo(75 + 100 + 60);

            // Her birthday: the programme's 10 points and Gold's 40, once however often the gifts run.
            assertThat(api.post("/api/loyalty/birthday-runs?day=" + today, "").json().get("members").asLong())
                    .isPositive();
            assertThat(api.post("/api/loyalty/birthday-runs?day=" + today, "").status()).isEqualTo(200);
            assertThat(loyalty.balance(profile)).isEqualTo(235 + 50);
            assertThat(loyalty.statement(profile).stream().filter(line -> line.get("kind").asString().equals("BONUS"))
                    .map(line -> line.get("reason").asString()))
                    .containsExactlyInAnyOrder("SIGN_UP", "CONSENT_GIVEN", "BIRTHDAY");

            // A reward: 200 points for a code of a batch of unique coupons.
            String batch = uniqueBatch(api);
            var rewards = api.put("/api/loyalty/rewards", Api.json(List.of(Map.of("name", "Tasting for two",
                    "points", 200, "couponBatchId", batch), Map.of("name", "A case of Aszú", "points", 100_000,
                    "couponBatchId", batch))));
            assertThat(rewards.status()).as(rewards.body()).isEqualTo(200);
            String tasting = rewardNamed(rewards.json(), "Tasting for two");
            String aCase = rewardNamed(rewards.json(), "A case of Aszú");
            String claimKey = "claim-" + UUID.randomUUID();
            var claimed = claim(api, profile, tasting, claimKey);
            assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
            String code = claimed.json().get("couponCode").asString();
            assertThat(code).startsWith("CLUB");
            assertThat(claimed.json().get("balance").asLong()).isEqualTo(285 - 200);
            var again = claim(api, profile, tasting, claimKey);
            assertThat(again.json().get("couponCode").asString()).isEqualTo(code);
            assertThat(again.json().get("repeated").asBoolean()).isTrue();
            assertThat(loyalty.balance(profile)).as("a retried claim spends nothing").isEqualTo(85);
            // Too few points for the case; a second tasting while the first code is unused would sell it twice.
            assertProblem(claim(api, profile, aCase, "claim-" + UUID.randomUUID()),
                    409, "points");
            assertThat(loyalty.adjust(profile, 200, "Apology for a corked bottle").status()).isEqualTo(200);
            assertProblem(claim(api, profile, tasting, "claim-" + UUID.randomUUID()), 409, "rewardId");
            assertThat(loyalty.balance(profile)).isEqualTo(285);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile))
                    .contains("Tier Changed", "Reward Claimed", "Points Redeemed"));

            // The programme drops Gold: her tier comes up for review and she is a Member.
            String member = tiers.json().get("tiers").get(0).get("id").asString();
            String grandCru = tiers.json().get("tiers").get(2).get("id").asString();
            assertThat(api.put("/api/loyalty/tiers", Api.json(Map.of("basis", "POINTS", "windowDays", 365,
                    "tiers", List.of(Map.of("id", member, "name", "Member", "threshold", 0),
                            Map.of("id", grandCru, "name", "Grand Cru", "threshold", 100_000, "earnPercent", 200)))))
                    .status()).isEqualTo(200);
            assertThat(api.post("/api/loyalty/tier-reviews", "").json().get("members").asLong()).isPositive();
            assertThat(api.get("/api/loyalty/members/" + profile + "/tier").json().get("tier").get("name")
                    .asString()).isEqualTo("Member");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.timelineLabels(profile)
                    .stream().filter("Tier Changed"::equals)).hasSize(2));
        } finally {
            loyalty.withoutBoosts();
        }
    }

    @Test
    void tiersRewardsAndPromotionsThatMakeNoSenseAreRefusedAtTheirField() {
        CartFixture carts = new CartFixture(port);
        Api api = carts.api;
        new LoyaltyFixture(api).programme(Map.of());
        assertProblem(api.put("/api/loyalty/tiers", Api.json(Map.of("basis", "POINTS", "windowDays", 365,
                "tiers", List.of(Map.of("name", "Gold", "threshold", 500), Map.of("name", "Silver",
                        "threshold", 100))))), 400, "tiers[1].threshold");
        assertProblem(api.put("/api/loyalty/tiers", Api.json(Map.of("basis", "SPEND", "windowDays", 365,
                "tiers", List.of()))), 400, "currency");
        assertProblem(api.put("/api/loyalty/rewards", Api.json(List.of(Map.of("name", "Nothing", "points", 10,
                "couponBatchId", UUID.randomUUID())))), 400, "rewards[0].couponBatchId");
        assertProblem(api.put("/api/loyalty/promotions", Api.json(List.of(Map.of("name", "Backwards",
                "percent", 200, "startsAt", "2026-12-05T00:00:00Z", "endsAt", "2026-12-04T00:00:00Z")))), 400,
                "promotions[0].endsAt");
        assertProblem(api.put("/api/loyalty/bonuses", Api.json(List.of(Map.of("kind", "SIGN_UP", "points", 5),
                Map.of("kind", "SIGN_UP", "points", 6)))), 400, "bonuses[1].kind");
        assertThat(api.get("/api/loyalty/tiers").json().get("tiers").isEmpty()).as("nothing was saved").isTrue();
    }

    /** The answer lists every reward ever made, those no longer offered too. */
    private static String rewardNamed(JsonNode rewards, String name) {
        return rewards.valueStream().filter(reward -> reward.get("name").asString().equals(name)
                && reward.get("active").asBoolean()).map(reward -> reward.get("id").asString()).findFirst()
                .orElseThrow();
    }

    private static Api.Response claim(Api api, String profile, String reward, String key) {
        return api.send(api.request("/api/loyalty/members/" + profile + "/rewards/" + reward
                        + "/claims?channel=shop-budapest")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("")));
    }

    /** The brand's own backend as a source: what it says of consent is believed. */
    private static String serverWriteKey(Api api) {
        String channel = "crm-" + CartFixture.unique().toLowerCase();
        var source = api.post("/api/sources", Api.json(Map.of("name", "CRM " + channel, "channel", channel,
                "channelType", "SERVER", "trust", "SERVER")));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        return api.post("/api/sources/" + source.json().get("id").asString() + "/write-keys", "").json()
                .get("writeKey").asString();
    }

    private static String uniqueBatch(Api api) {
        String name = "club " + CartFixture.unique();
        var promotion = api.post("/api/pricing/promotions", Api.json(Map.of("name", name, "stacking", "STACKABLE",
                "priority", 5, "couponRequired", true,
                "reward", Map.of("type", "PERCENT_OFF", "percent", 10, "scope", "ORDER"))));
        assertThat(promotion.status()).as(promotion.body()).isEqualTo(201);
        Map<String, Object> batch = new HashMap<>();
        batch.put("name", name);
        batch.put("kind", "UNIQUE");
        batch.put("prefix", "CLUB");
        batch.put("count", 5);
        var created = api.post("/api/pricing/promotions/" + promotion.json().get("id").asString()
                + "/coupon-batches", Api.json(batch));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
