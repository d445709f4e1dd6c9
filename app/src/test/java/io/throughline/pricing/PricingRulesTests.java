package io.throughline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The quote engine's rules, as plain values: price lists, promotions, stacking, rounding and refusals. */
class PricingRulesTests {

    static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");
    /** A Wednesday, 11:00 in Budapest. */
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Sku WINE = Sku.of("TK-FURM-LAPIS-2022");
    static final Sku ASZU = Sku.of("TK-ASZ5-LAPIS-2017");
    static final Sku TICKET = Sku.of("ACC-TASTING-TICKET");
    static final UUID WINES = UUID.randomUUID();

    final PricedList everyChannel = list("Shelf", List.of(), null, 0, Map.of(WINE, 3_990_00L, ASZU, 12_990_00L,
            TICKET, 9_990_00L));
    final PricedList appPrices = list("App", List.of("app"), null, 10, Map.of(WINE, 3_790_00L));
    final PricedList trade = list("Trade", List.of(), "trade", 20, Map.of(WINE, 3_000_00L));

    @Test
    void theHighestPriorityMatchingListThatHasTheSkuGivesThePrice() {
        QuoteEngine engine = engine(List.of());

        Quote web = engine.quote(cart("web", null, line(WINE, 1), line(ASZU, 1)));
        Quote app = engine.quote(cart("app", null, line(WINE, 1), line(ASZU, 1)));
        Quote tradeInApp = engine.quote(cart("app", "trade", line(WINE, 1)));

        assertThat(web.lines().get(0).unitPrice()).isEqualTo(huf(3_990_00));
        assertThat(web.lines().get(0).priceListName()).isEqualTo("Shelf");
        assertThat(app.lines().get(0).unitPrice()).isEqualTo(huf(3_790_00));
        assertThat(app.lines().get(1).priceListName()).as("the app list lacks Aszú").isEqualTo("Shelf");
        assertThat(tradeInApp.lines().get(0).priceListName()).isEqualTo("Trade");
        assertThat(app.total()).isEqualTo(huf(3_790_00 + 12_990_00));
    }

    @Test
    void aListOutsideItsDatesIsIgnored() {
        PricedList christmas = new PricedList(new PriceList(UUID.randomUUID(), "Christmas", "HUF", List.of(), null,
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-27T00:00:00Z"), 50, 1, NOW),
                Map.of(WINE, new Money(2_990_00, "HUF")));
        QuoteEngine engine = new QuoteEngine(List.of(everyChannel, christmas), List.of(), BUDAPEST);

        assertThat(engine.quote(cart("web", null, line(WINE, 1))).total()).isEqualTo(huf(3_990_00));
        Cart inDecember = withAt(cart("web", null, line(WINE, 1)), Instant.parse("2026-12-10T10:00:00Z"));
        assertThat(engine.quote(inDecember).total()).isEqualTo(huf(2_990_00));
    }

    @Test
    void aSkuWithNoPriceIsRefusedByName() {
        Sku unknown = Sku.of("TK-NOPRICE-1");
        assertThatThrownBy(() -> engine(List.of()).quote(cart("web", null, line(WINE, 1), line(unknown, 1))))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("lines[1].sku");
                    assertThat(refused.reason()).contains("TK-NOPRICE-1").contains("HUF").contains("web");
                });
        assertThatThrownBy(() -> engine(List.of()).quote(withCurrency(cart("web", null, line(WINE, 1)), "EUR")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("EUR");
    }

    @Test
    void percentageIsRoundedHalfEvenPerLineAndExplainedWithTheCoupon() {
        // 12.5 % of 3 990.01 is 498.75125 → 498.75; of 0.20 (×1) is 0.025 → 0.02 (half-even), of 0.60 is 0.075 → 0.08.
        PricedList odd = list("Odd", List.of(), null, 99, Map.of(WINE, 3_990_01L, ASZU, 20L, TICKET, 60L));
        Promotion welcome = promotion("app welcome campaign", new Reward.PercentOff(new BigDecimal("12.5"),
                RewardScope.ORDER), PromotionConditions.always(), Stacking.STACKABLE, 0, true);
        QuoteEngine engine = new QuoteEngine(List.of(odd), List.of(welcome), BUDAPEST);

        Quote quote = engine.quote(withCoupon(cart("app", null, line(WINE, 1), line(ASZU, 1), line(TICKET, 1)),
                "APP10-XYZ", welcome));

        assertThat(quote.lines()).extracting(line -> line.discount().minor()).containsExactly(-498_75L, -2L, -8L);
        assertThat(quote.adjustments()).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.reason()).isEqualTo("\u221212.5 %: APP10-XYZ coupon, app welcome campaign");
            assertThat(adjustment.amount()).isEqualTo(new Money(-498_85, "HUF"));
            assertThat(adjustment.couponCode()).isEqualTo("APP10-XYZ");
        });
        assertThat(quote.total().minor()).isEqualTo(3_990_01 + 20 + 60 - 498_85);
    }

    @Test
    void aCouponPromotionDoesNothingWithoutItsCode() {
        Promotion welcome = promotion("welcome", percent(10, RewardScope.ORDER), PromotionConditions.always(),
                Stacking.STACKABLE, 0, true);

        Quote quote = engine(List.of(welcome)).quote(cart("app", null, line(WINE, 2)));

        assertThat(quote.adjustments()).isEmpty();
        assertThat(quote.total()).isEqualTo(huf(2 * 3_790_00));
    }

    @Test
    void fixedAmountOffEachItemAndOffTheOrderSharedByLargestRemainder() {
        Promotion perItem = promotion("corkscrew week", new Reward.AmountOff(huf(500_00), RewardScope.ITEMS),
                conditions(List.of(), null, List.of(WINE), List.of()), Stacking.STACKABLE, 10, false);
        Promotion orderOff = promotion("thank you", new Reward.AmountOff(huf(1_000_00), RewardScope.ORDER),
                PromotionConditions.always(), Stacking.STACKABLE, 5, false);

        Quote quote = engine(List.of(perItem, orderOff)).quote(cart("web", null, line(WINE, 2), line(ASZU, 1)));

        Quote.Adjustment items = quote.adjustments().get(0);
        assertThat(items.amount()).isEqualTo(huf(-1_000_00));
        assertThat(items.lines()).containsExactly(new Quote.LineShare(0, huf(-1_000_00)));
        Quote.Adjustment order = quote.adjustments().get(1);
        // After the first, the lines cost 6 980.00 and 12 990.00: 1 000.00 splits 349.52 / 650.48.
        assertThat(order.lines()).containsExactly(new Quote.LineShare(0, huf(-349_52)),
                new Quote.LineShare(1, huf(-650_48)));
        assertThat(quote.total()).isEqualTo(huf(2 * 3_990_00 + 12_990_00 - 2_000_00));
        assertThat(quote.discount()).isEqualTo(huf(-2_000_00));
    }

    @Test
    void buyTwoGetOneFreeGivesTheCheapestQualifyingUnits() {
        Promotion threeForTwo = promotion("3 for 2 on wine", new Reward.BuyXGetY(2, 1),
                conditions(List.of(), null, List.of(), List.of(WINES)), Stacking.STACKABLE, 0, false);
        QuoteEngine engine = engine(List.of(threeForTwo));

        Quote quote = engine.quote(new Cart("web", "HUF", null, null, List.of(),
                List.of(new Cart.Line(ASZU, 2, List.of(WINES)), new Cart.Line(WINE, 1, List.of(WINES)),
                        new Cart.Line(TICKET, 1, List.of())), List.of(), NOW));

        assertThat(quote.adjustments()).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.lines()).containsExactly(new Quote.LineShare(1, huf(-3_990_00)));
            assertThat(adjustment.reason()).isEqualTo("Buy 2, get 1 free: 3 for 2 on wine");
        });
        Quote two = engine.quote(new Cart("web", "HUF", null, null, List.of(),
                List.of(new Cart.Line(ASZU, 2, List.of(WINES))), List.of(), NOW));
        assertThat(two.adjustments()).isEmpty();
    }

    @Test
    void bundleSellsTheWholeSetForItsPriceAsOftenAsTheCartHoldsIt() {
        Promotion tasting = promotion("tasting evening", new Reward.BundlePrice(List.of(
                new Reward.BundleItem(ASZU, 2), new Reward.BundleItem(TICKET, 1)), huf(30_000_00)),
                PromotionConditions.always(), Stacking.STACKABLE, 0, false);
        QuoteEngine engine = engine(List.of(tasting));

        Quote one = engine.quote(cart("web", null, line(ASZU, 3), line(TICKET, 1)));
        Quote none = engine.quote(cart("web", null, line(ASZU, 1), line(TICKET, 1)));
        Quote twice = engine.quote(cart("web", null, line(ASZU, 4), line(TICKET, 2)));

        assertThat(one.total()).isEqualTo(huf(30_000_00 + 12_990_00));
        assertThat(one.adjustments().getFirst().reason()).isEqualTo("Bundle price 3000000.00 HUF: tasting evening"
                .replace("3000000.00", "30000.00"));
        assertThat(none.adjustments()).isEmpty();
        assertThat(twice.total()).isEqualTo(huf(60_000_00));
    }

    @Test
    void tieredSpendGivesTheHighestTierReached() {
        Promotion tiers = promotion("spend more", new Reward.TieredSpend(List.of(
                new Reward.Tier(huf(40_000_00), huf(3_000_00)), new Reward.Tier(huf(20_000_00), huf(1_000_00)))),
                PromotionConditions.always(), Stacking.STACKABLE, 0, false);
        QuoteEngine engine = engine(List.of(tiers));

        assertThat(engine.quote(cart("web", null, line(ASZU, 1))).discount()).isEqualTo(huf(0));
        Quote second = engine.quote(cart("web", null, line(ASZU, 2)));
        assertThat(second.discount()).isEqualTo(huf(-1_000_00));
        assertThat(second.adjustments().getFirst().reason())
                .isEqualTo("Spend 20000.00 HUF, get 1000.00 HUF off: spend more");
        assertThat(engine.quote(cart("web", null, line(ASZU, 4))).discount()).isEqualTo(huf(-3_000_00));
    }

    @Test
    void freeShippingIsAFlagWithAnExplainedAdjustment() {
        Promotion shipping = promotion("free delivery over 15 000", new Reward.FreeShipping(),
                conditions(List.of(), huf(15_000_00), List.of(), List.of()), Stacking.STACKABLE, 0, false);
        QuoteEngine engine = engine(List.of(shipping));

        Quote small = engine.quote(cart("web", null, line(WINE, 1)));
        Quote large = engine.quote(cart("web", null, line(WINE, 4)));

        assertThat(small.freeShipping()).isFalse();
        assertThat(large.freeShipping()).isTrue();
        assertThat(large.adjustments().getFirst().reason()).isEqualTo("Free shipping: free delivery over 15 000");
        assertThat(large.total()).isEqualTo(large.subtotal());
    }

    @Test
    void anExclusivePromotionStopsTheOthersAndIsBlockedByAnEarlierOne() {
        Promotion exclusiveHigh = promotion("flash sale", percent(20, RewardScope.ORDER), PromotionConditions.always(),
                Stacking.EXCLUSIVE, 100, false);
        Promotion stackable = promotion("loyal", percent(5, RewardScope.ORDER), PromotionConditions.always(),
                Stacking.STACKABLE, 50, false);
        Promotion exclusiveCoupon = promotion("app welcome", percent(10, RewardScope.ORDER),
                PromotionConditions.always(), Stacking.EXCLUSIVE, 10, true);

        Quote withFlash = engine(List.of(exclusiveHigh, stackable)).quote(cart("web", null, line(WINE, 1)));
        assertThat(withFlash.adjustments()).extracting(Quote.Adjustment::promotionName).containsExactly("flash sale");
        assertThat(withFlash.total()).isEqualTo(huf(3_192_00));

        Quote blocked = engine(List.of(stackable, exclusiveCoupon))
                .quote(withCoupon(cart("web", null, line(WINE, 1)), "APP10-A", exclusiveCoupon));
        assertThat(blocked.adjustments()).extracting(Quote.Adjustment::promotionName).containsExactly("loyal");
        assertThat(blocked.notApplied()).singleElement().satisfies(note -> {
            assertThat(note.code()).isEqualTo("APP10-A");
            assertThat(note.reason()).contains("exclusive").contains("loyal");
        });
    }

    @Test
    void stackablePromotionsApplyInPriorityOrderOnWhatIsLeft() {
        Promotion first = promotion("ten", percent(10, RewardScope.ORDER), PromotionConditions.always(),
                Stacking.STACKABLE, 2, false);
        Promotion second = promotion("fixed", new Reward.AmountOff(huf(1_000_00), RewardScope.ORDER),
                PromotionConditions.always(), Stacking.STACKABLE, 1, false);

        Quote quote = engine(List.of(second, first)).quote(cart("web", null, line(ASZU, 1)));

        assertThat(quote.adjustments()).extracting(Quote.Adjustment::promotionName).containsExactly("ten", "fixed");
        assertThat(quote.total()).isEqualTo(huf(12_990_00 - 1_299_00 - 1_000_00));
    }

    @Test
    void conditionsOnChannelGroupSegmentAndCategoriesSelectWhereAndWhatAPromotionApplies() {
        Promotion tillOnly = promotion("till", percent(10, RewardScope.ITEMS),
                conditions(List.of("shop-budapest"), null, List.of(), List.of(WINES)), Stacking.STACKABLE, 0, false);
        Promotion vip = promotion("vip", new Reward.AmountOff(huf(100_00), RewardScope.ORDER),
                new PromotionConditions(null, List.of("vip"), List.of("big-spenders"), null, null, null, null, null,
                        null), Stacking.STACKABLE, 0, false);
        QuoteEngine engine = engine(List.of(tillOnly, vip));
        Cart.Line wine = new Cart.Line(WINE, 1, List.of(WINES));
        Cart.Line ticket = new Cart.Line(TICKET, 1, List.of());

        Quote web = engine.quote(new Cart("web", "HUF", null, null, List.of(), List.of(wine, ticket), List.of(), NOW));
        Quote till = engine.quote(new Cart("shop-budapest", "HUF", null, null, List.of(), List.of(wine, ticket),
                List.of(), NOW));
        Quote vipInSegment = engine.quote(new Cart("web", "HUF", null, "vip", List.of("big-spenders"),
                List.of(wine), List.of(), NOW));
        Quote vipOutOfSegment = engine.quote(new Cart("web", "HUF", null, "vip", List.of("others"),
                List.of(wine), List.of(), NOW));

        assertThat(web.adjustments()).isEmpty();
        assertThat(till.adjustments()).singleElement()
                .satisfies(adjustment -> assertThat(adjustment.lines()).containsExactly(
                        new Quote.LineShare(0, huf(-399_00))));
        assertThat(vipInSegment.discount()).isEqualTo(huf(-100_00));
        assertThat(vipOutOfSegment.discount()).isEqualTo(huf(0));
    }

    @Test
    void happyHourFollowsBudapestTime() {
        Promotion happyHour = promotion("happy hour", percent(15, RewardScope.ORDER),
                new PromotionConditions(null, null, null, null, null, null,
                        new TimeWindow(List.of(DayOfWeek.WEDNESDAY), LocalTime.of(17, 0), LocalTime.of(19, 0)),
                        null, null), Stacking.STACKABLE, 0, false);
        QuoteEngine engine = engine(List.of(happyHour));

        // 16:30 UTC is 17:30 in Budapest in November (CET, UTC+1); 18:30 UTC is 19:30 there.
        Cart in = withAt(cart("web", null, line(WINE, 1)), Instant.parse("2026-11-25T16:30:00Z"));
        Cart after = withAt(cart("web", null, line(WINE, 1)), Instant.parse("2026-11-25T18:30:00Z"));
        Cart thursday = withAt(cart("web", null, line(WINE, 1)), Instant.parse("2026-11-26T16:30:00Z"));

        assertThat(engine.quote(in).adjustments()).hasSize(1);
        assertThat(engine.quote(after).adjustments()).isEmpty();
        assertThat(engine.quote(thursday).adjustments()).isEmpty();
    }

    @Test
    void aTimeWindowOverMidnightBelongsToTheDayItOpened() {
        TimeWindow lateFriday = new TimeWindow(List.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0));

        assertThat(lateFriday.contains(java.time.ZonedDateTime.of(2026, 11, 27, 23, 0, 0, 0, BUDAPEST))).isTrue();
        assertThat(lateFriday.contains(java.time.ZonedDateTime.of(2026, 11, 28, 1, 30, 0, 0, BUDAPEST))).isTrue();
        assertThat(lateFriday.contains(java.time.ZonedDateTime.of(2026, 11, 28, 2, 0, 0, 0, BUDAPEST))).isFalse();
        assertThat(lateFriday.contains(java.time.ZonedDateTime.of(2026, 11, 28, 23, 0, 0, 0, BUDAPEST))).isFalse();
        assertThat(lateFriday.contains(java.time.ZonedDateTime.of(2026, 11, 27, 1, 0, 0, 0, BUDAPEST))).isFalse();
    }

    @Test
    void aCouponIsRefusedWithTheReasonWhenItsPromotionCannotApplyHere() {
        Promotion appOnly = promotion("app only", percent(10, RewardScope.ORDER),
                conditions(List.of("app", "web"), null, List.of(), List.of()), Stacking.STACKABLE, 0, true);
        Promotion ended = promotion("summer", percent(10, RewardScope.ORDER), new PromotionConditions(null, null,
                null, null, Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"), null, null,
                null), Stacking.STACKABLE, 0, true);
        Promotion minimum = promotion("big basket", percent(10, RewardScope.ORDER),
                conditions(List.of(), huf(50_000_00), List.of(), List.of()), Stacking.STACKABLE, 0, true);
        QuoteEngine engine = engine(List.of(appOnly, ended, minimum));

        assertThatThrownBy(() -> engine.quote(withCoupon(cart("shop-tokaj", null, line(WINE, 1)), "APP-1", appOnly)))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("couponCodes");
                    assertThat(refused.reason()).isEqualTo(
                            "coupon APP-1 is not valid on channel shop-tokaj: promotion 'app only' runs on app, web");
                });
        assertThatThrownBy(() -> engine.quote(withCoupon(cart("web", null, line(WINE, 1)), "SUMMER", ended)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("SUMMER has expired");
        Quote tooSmall = engine.quote(withCoupon(cart("web", null, line(WINE, 1)), "BIG", minimum));
        assertThat(tooSmall.adjustments()).isEmpty();
        assertThat(tooSmall.notApplied()).singleElement()
                .satisfies(note -> assertThat(note.reason()).contains("minimum spend of 50000.00 HUF"));
    }

    @Test
    void allocationSharesExactlyAndNeverBeyondALine() {
        long[] shares = RewardShares.allocate(100, new long[] {1, 1, 1}, new boolean[] {true, true, true});
        assertThat(shares).containsExactly(1, 1, 1);
        long[] thirds = RewardShares.allocate(100, new long[] {300, 300, 300}, new boolean[] {true, true, true});
        assertThat(thirds).containsExactly(34, 33, 33);
        long[] masked = RewardShares.allocate(10, new long[] {50, 50}, new boolean[] {false, true});
        assertThat(masked).containsExactly(0, 10);
    }

    @Test
    void quantitiesBelowOneAndBadRewardsAreRefused() {
        assertThatThrownBy(() -> new Cart.Line(WINE, 0, List.of())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new Reward.PercentOff(BigDecimal.valueOf(120), RewardScope.ORDER))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new Reward.AmountOff(huf(-1), RewardScope.ORDER))
                .isInstanceOf(InvalidRequestException.class);
    }

    // ---- fixtures

    QuoteEngine engine(List<Promotion> promotions) {
        return new QuoteEngine(List.of(everyChannel, appPrices, trade), promotions, BUDAPEST);
    }

    static Money huf(long minor) {
        return new Money(minor, "HUF");
    }

    static Reward.PercentOff percent(int percent, RewardScope scope) {
        return new Reward.PercentOff(BigDecimal.valueOf(percent), scope);
    }

    static PromotionConditions conditions(List<String> channels, @Nullable Money minimum, List<Sku> products,
            List<UUID> categories) {
        return new PromotionConditions(channels, null, null, minimum, null, null, null, products, categories);
    }

    static Promotion promotion(String name, Reward reward, PromotionConditions conditions, Stacking stacking,
            int priority, boolean couponRequired) {
        return new Promotion(UUID.randomUUID(), name, null, reward, conditions, stacking, priority, couponRequired,
                null, null, null, 0, null, NOW);
    }

    static PricedList list(String name, List<String> channels, @Nullable String group, int priority,
            Map<Sku, Long> prices) {
        Map<Sku, Money> money = new java.util.HashMap<>();
        prices.forEach((sku, minor) -> money.put(sku, huf(minor)));
        return new PricedList(new PriceList(UUID.randomUUID(), name, "HUF", channels, group, null, null, priority,
                prices.size(), NOW), money);
    }

    static Cart.Line line(Sku sku, int quantity) {
        return new Cart.Line(sku, quantity, List.of());
    }

    static Cart cart(String channel, @Nullable String group, Cart.Line... lines) {
        return new Cart(channel, "HUF", null, group, List.of(), List.of(lines), List.of(), NOW);
    }

    static Cart withCoupon(Cart cart, String code, Promotion promotion) {
        List<Cart.PresentedCoupon> coupons = new ArrayList<>(cart.coupons());
        coupons.add(new Cart.PresentedCoupon(code, promotion.id()));
        return new Cart(cart.channel(), cart.currency(), cart.customerId(), cart.customerGroup(), cart.segments(),
                cart.lines(), coupons, cart.at());
    }

    static Cart withAt(Cart cart, Instant at) {
        return new Cart(cart.channel(), cart.currency(), cart.customerId(), cart.customerGroup(), cart.segments(),
                cart.lines(), cart.coupons(), at);
    }

    static Cart withCurrency(Cart cart, String currency) {
        return new Cart(cart.channel(), currency, cart.customerId(), cart.customerGroup(), cart.segments(),
                cart.lines(), cart.coupons(), cart.at());
    }
}
