package io.throughline.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fifty tills redeem at the same moment: a promotion never gives more than its budget. */
@PlatformTest
class ConcurrentRedemptionsStayWithinBudgetTests {

    static final int TILLS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountBudgetOfTenAllowsExactlyTenRedemptions() throws Exception {
        String sku = PricingApi.skus();
        PricingApi pricing = new PricingApi(port);
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "100.00"));
        String promotion = pricing.promotion("""
                {"name": "first ten %1$s", "stacking": "STACKABLE", "budgetCount": 10,
                 "reward": {"type": "PERCENT_OFF", "percent": 50, "scope": "ITEMS"},
                 "conditions": {"products": ["%1$sWINE"]}}""".formatted(sku));

        List<Api.Response> responses = redeemConcurrently(pricing, sku);

        // Once the budget is gone, a redemption either prices the cart without the promotion or, when it lost
        // the race for the last use, is refused; none gets the discount beyond the tenth.
        assertThat(responses).extracting(Api.Response::status).allSatisfy(status -> assertThat(status).isIn(201, 409));
        assertThat(responses.stream().filter(response -> response.status() == 201)
                .filter(response -> !response.json().get("quote").get("adjustments").isEmpty()).count()).isEqualTo(10);
        assertThat(used(promotion)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM pricing.redemption_adjustment WHERE promotion_id = ?::uuid")
                .param(promotion).query(Long.class).single()).isEqualTo(10);
        assertThat(pricing.quoted(cart(sku)).get("adjustments")).as("an exhausted promotion drops out").isEmpty();
    }

    @Test
    void aPromotionWithoutABudgetCountsEveryConcurrentUseAndABudgetSetLaterStartsFromThem() throws Exception {
        String sku = PricingApi.skus();
        PricingApi pricing = new PricingApi(port);
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "100.00"));
        String definition = """
                {"name": "open-ended %1$s", "stacking": "STACKABLE",
                 "reward": {"type": "PERCENT_OFF", "percent": 10, "scope": "ITEMS"},
                 "conditions": {"products": ["%1$sWINE"]}%2$s}""";
        String promotion = pricing.promotion(definition.formatted(sku, ""));

        List<Api.Response> responses = redeemConcurrently(pricing, sku);

        assertThat(responses.stream().filter(response -> response.status() == 201)
                .filter(response -> !response.json().get("quote").get("adjustments").isEmpty()).count())
                .isEqualTo(TILLS);
        assertThat(used(promotion)).isEqualTo(TILLS);

        // With a budget of two more uses than it has had, two more tills get the discount and no third.
        Api.Response budgeted = pricing.api.put("/api/pricing/promotions/" + promotion,
                definition.formatted(sku, ", \"budgetCount\": " + (TILLS + 2)));
        assertThat(budgeted.status()).isEqualTo(200);
        assertThat(budgeted.json().get("remainingCount").asInt()).isEqualTo(2);
        List<Api.Response> later = redeemConcurrently(pricing, sku, cart(sku), 5, "later-");
        assertThat(later.stream().filter(response -> response.status() == 201)
                .filter(response -> !response.json().get("quote").get("adjustments").isEmpty()).count()).isEqualTo(2);
        assertThat(used(promotion)).isEqualTo(TILLS + 2);
    }

    @Test
    void aMoneyBudgetIsNeverOverspent() throws Exception {
        String sku = PricingApi.skus();
        PricingApi pricing = new PricingApi(port);
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "100.00"));
        // Each redemption gives 30.00 off; 250.00 covers eight of them (240.00), not nine.
        String promotion = pricing.promotion("""
                {"name": "budgeted %1$s", "currency": "CZK", "stacking": "STACKABLE", "budgetAmount": 250,
                 "reward": {"type": "AMOUNT_OFF", "amount": 30, "scope": "ITEMS"},
                 "conditions": {"products": ["%1$sWINE"]}}""".formatted(sku));

        List<Api.Response> responses = redeemConcurrently(pricing, sku);

        assertThat(responses.stream().filter(response -> response.status() == 201)
                .filter(response -> !response.json().get("quote").get("adjustments").isEmpty()).count()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT used_minor FROM pricing.promotion WHERE id = ?::uuid").param(promotion)
                .query(Long.class).single()).isEqualTo(240_00);
        assertThat(jdbc.sql("""
                SELECT coalesce(sum(amount_minor), 0) FROM pricing.redemption_adjustment WHERE promotion_id = ?::uuid""")
                .param(promotion).query(Long.class).single()).isEqualTo(240_00);
    }

    @Test
    void aCustomerRedeemingAtTenTillsAtOnceGetsAOncePerCustomerCouponOnce() throws Exception {
        String sku = PricingApi.skus();
        PricingApi pricing = new PricingApi(port);
        pricing.priceList("CZ shelf " + sku, List.of(), null, 0, Map.of(sku + "WINE", "100.00"));
        String promotion = pricing.promotion("""
                {"name": "once each %s", "stacking": "STACKABLE", "couponRequired": true, "perCustomerLimit": 1,
                 "reward": {"type": "PERCENT_OFF", "percent": 10, "scope": "ORDER"}}""".formatted(sku));
        pricing.sharedCode(promotion, sku + "ONCE");
        String customer = java.util.UUID.randomUUID().toString();
        String cart = """
                {"channel": "web", "currency": "CZK", "customerId": "%s", "couponCodes": ["%sONCE"],
                 "lines": [{"sku": "%sWINE", "quantity": 1}]}""".formatted(customer, sku, sku);

        List<Api.Response> responses = redeemConcurrently(pricing, sku, cart, 10);

        // One gets it; the others lost the race (409) or, once it was committed, were told at pricing (400).
        assertThat(responses.stream().filter(response -> response.status() == 201).count()).isEqualTo(1);
        assertThat(responses).extracting(Api.Response::status).allSatisfy(status -> assertThat(status).isIn(201, 400, 409));
        assertThat(used(promotion)).isEqualTo(1);
    }

    private List<Api.Response> redeemConcurrently(PricingApi pricing, String sku) throws Exception {
        return redeemConcurrently(pricing, sku, cart(sku), TILLS);
    }

    private List<Api.Response> redeemConcurrently(PricingApi pricing, String sku, String cart, int tills)
            throws Exception {
        return redeemConcurrently(pricing, sku, cart, tills, "order-");
    }

    private List<Api.Response> redeemConcurrently(PricingApi pricing, String sku, String cart, int tills,
            String referencePrefix) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(tills)) {
            for (int i = 0; i < tills; i++) {
                String reference = referencePrefix + sku + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return pricing.api.post("/api/pricing/redemptions",
                            "{\"reference\": \"" + reference + "\", \"quote\": " + cart + "}");
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> result : results) {
                responses.add(result.get());
            }
            return responses;
        }
    }

    private int used(String promotion) {
        return new PricingApi(port).api.get("/api/pricing/promotions/" + promotion).json().get("usedCount").asInt();
    }

    private static String cart(String sku) {
        return """
                {"channel": "shop-debrecen", "currency": "CZK", "lines": [{"sku": "%sWINE", "quantity": 1}]}"""
                .formatted(sku);
    }
}
