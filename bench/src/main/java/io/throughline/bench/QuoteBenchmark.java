package io.throughline.bench;

import io.throughline.catalog.Sku;
import io.throughline.platform.Money;
import io.throughline.pricing.Cart;
import io.throughline.pricing.PriceList;
import io.throughline.pricing.PricedList;
import io.throughline.pricing.Promotion;
import io.throughline.pricing.PromotionConditions;
import io.throughline.pricing.Quote;
import io.throughline.pricing.QuoteEngine;
import io.throughline.pricing.Reward;
import io.throughline.pricing.RewardScope;
import io.throughline.pricing.Stacking;
import io.throughline.pricing.TimeWindow;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The quote engine in-process, as every channel's quote runs it once the price lists and promotions are in
 * memory: a 10-line cart against 3 price lists (300 SKUs each) and 50 active promotions of every kind, two of
 * them unlocked by coupons. Single thread; timed quote by quote after a warm-up.
 *
 * <p>{@code -Dthroughline.bench.quote.warmup-seconds} (default 5), {@code -Dthroughline.bench.quote.quotes}
 * (default 200000).
 */
public final class QuoteBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-25T16:30:00Z");
    private static final int SKUS = 300;

    public static void main(String[] args) {
        long warmupSeconds = BenchProperties.count("throughline.bench.quote.warmup-seconds", 5);
        int quotes = BenchProperties.intCount("throughline.bench.quote.quotes", 200_000);

        List<Sku> skus = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            skus.add(Sku.of("TK-BENCH-" + i));
        }
        UUID wines = UUID.randomUUID();
        UUID aszu = UUID.randomUUID();
        List<PricedList> lists = List.of(
                list("shelf", List.of(), null, 0, skus, 3_990_00),
                list("app", List.of("app"), null, 10, skus.subList(0, 150), 3_790_00),
                list("trade", List.of(), "trade", 20, skus.subList(100, 300), 3_000_00));
        List<Promotion> promotions = promotions(skus, wines, aszu);
        QuoteEngine engine = new QuoteEngine(lists, promotions, ZoneId.of("Europe/Budapest"));

        List<Cart.Line> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(new Cart.Line(skus.get(i * 29), 1 + i % 3, i % 2 == 0 ? List.of(wines, aszu) : List.of(wines)));
        }
        List<Cart.PresentedCoupon> coupons = List.of(
                new Cart.PresentedCoupon("APP10-BENCH", promotions.get(0).id()),
                new Cart.PresentedCoupon("SORRY5", promotions.get(1).id()));
        Cart cart = new Cart("app", "HUF", UUID.randomUUID(), null, List.of("wine-lovers"), lines, coupons, NOW);

        Quote first = engine.quote(cart);
        Report.printf("quote: %d lines, %d price lists, %d promotions, %d adjustments applied, total %s%n",
                lines.size(), lists.size(), promotions.size(), first.adjustments().size(), first.total());
        Report.printf("quote: machine %d cores, load average %s%n", Machine.cores(), Machine.loadAverage());

        long sink = 0;
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            sink += engine.quote(cart).total().minor();
        }
        long[] nanos = new long[quotes];
        long started = System.nanoTime();
        for (int i = 0; i < quotes; i++) {
            long before = System.nanoTime();
            sink += engine.quote(cart).total().minor();
            nanos[i] = System.nanoTime() - before;
        }
        long elapsed = System.nanoTime() - started;
        java.util.Arrays.sort(nanos);
        if (sink == 42) {
            Report.println("(unlikely)");
        }
        Report.printf("quote: %d quotes in %.2f s after %d s warm-up, max %.1f us%n", quotes, elapsed / 1e9,
                warmupSeconds, nanos[quotes - 1] / 1e3);
        Report.printf("quote: p50_us=%.1f p99_us=%.1f quotes_per_s=%.0f%n", percentile(nanos, 50) / 1e3,
                percentile(nanos, 99) / 1e3, quotes / (elapsed / 1e9));
    }

    private static long percentile(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static PricedList list(String name, List<String> channels, String group, int priority, List<Sku> skus,
            long baseMinor) {
        Map<Sku, Money> prices = new HashMap<>();
        for (int i = 0; i < skus.size(); i++) {
            prices.put(skus.get(i), new Money(baseMinor + i * 100_00L, "HUF"));
        }
        return new PricedList(new PriceList(UUID.randomUUID(), name, "HUF", channels, group, null, null, priority,
                prices.size(), NOW), prices);
    }

    /** Fifty promotions: a mix of every reward, conditions that match and that do not, as a busy brand has. */
    private static List<Promotion> promotions(List<Sku> skus, UUID wines, UUID aszu) {
        List<Promotion> promotions = new ArrayList<>();
        promotions.add(promotion("app welcome campaign", new Reward.PercentOff(BigDecimal.TEN, RewardScope.ORDER),
                PromotionConditions.always(), Stacking.STACKABLE, 100, true));
        promotions.add(promotion("contact centre thank-you", new Reward.PercentOff(BigDecimal.valueOf(5),
                RewardScope.ORDER), PromotionConditions.always(), Stacking.STACKABLE, 90, true));
        for (int i = 0; promotions.size() < 50; i++) {
            List<Sku> products = List.of(skus.get((i * 7) % SKUS), skus.get((i * 13 + 29) % SKUS),
                    skus.get((i * 29) % SKUS));
            Reward reward = switch (i % 6) {
                case 0 -> new Reward.PercentOff(BigDecimal.valueOf(5 + i % 10), RewardScope.ITEMS);
                case 1 -> new Reward.AmountOff(new Money(100_00, "HUF"), RewardScope.ITEMS);
                case 2 -> new Reward.BuyXGetY(2, 1);
                case 3 -> new Reward.BundlePrice(List.of(new Reward.BundleItem(products.get(0), 1),
                        new Reward.BundleItem(products.get(1), 1)), new Money(5_000_00, "HUF"));
                case 4 -> new Reward.TieredSpend(List.of(new Reward.Tier(new Money(20_000_00, "HUF"),
                        new Money(1_000_00, "HUF")), new Reward.Tier(new Money(40_000_00, "HUF"),
                        new Money(3_000_00, "HUF"))));
                default -> new Reward.FreeShipping();
            };
            PromotionConditions conditions = switch (i % 4) {
                case 0 -> new PromotionConditions(List.of("app", "web"), null, null, null, null, null, null,
                        products, null);
                case 1 -> new PromotionConditions(null, null, List.of("wine-lovers"), new Money(10_000_00, "HUF"),
                        null, null, null, null, List.of(i % 2 == 0 ? wines : aszu));
                case 2 -> new PromotionConditions(List.of("shop-budapest"), null, null, null, null, null,
                        new TimeWindow(List.of(DayOfWeek.FRIDAY), LocalTime.of(17, 0), LocalTime.of(19, 0)),
                        products, null);
                default -> new PromotionConditions(null, null, null, null, NOW.minusSeconds(86_400),
                        NOW.plusSeconds(86_400), null, products, null);
            };
            promotions.add(promotion("promotion " + i, reward, conditions, Stacking.STACKABLE, i % 10, false));
        }
        return promotions;
    }

    private static Promotion promotion(String name, Reward reward, PromotionConditions conditions, Stacking stacking,
            int priority, boolean couponRequired) {
        return new Promotion(UUID.randomUUID(), name, null, reward, conditions, stacking, priority, couponRequired,
                null, null, null, 0, null, NOW);
    }
}
