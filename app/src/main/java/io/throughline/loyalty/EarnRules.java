package io.throughline.loyalty;

import io.throughline.platform.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How points are earned: points per amount of net paid, per currency and optionally per channel (a channel's rate
 * beats the default), a minimum spend, and multipliers of a category's or a SKU's points in percent (0 % leaves
 * it out: gift cards, shipping). A SKU's own multiplier beats its categories'; among categories an exclusion wins,
 * else the highest. Spring-free, so the console's simulator and the ledger compute alike.
 */
public record EarnRules(List<Rate> rates, List<Multiplier> multipliers) {

    /** {@code points} for every {@code spendMinor} of net paid in {@code currency} on {@code channel} (null: any). */
    public record Rate(@Nullable String channel, String currency, long spendMinor, int points, long minSpendMinor) {}

    public enum Target { CATEGORY, SKU }

    public record Multiplier(Target target, String key, int percent) {}

    /** A line as sold: its SKU, units, what was paid for them after discounts, and its categories with ancestors. */
    public record Line(String sku, int quantity, Money paid, Set<String> categoryIds) {}

    /** The points of one line; the sum of the lines is what the basket earns. */
    public record LinePoints(String sku, int quantity, long points) {}

    public EarnRules {
        rates = List.copyOf(rates);
        multipliers = List.copyOf(multipliers);
    }

    /** What a basket paid in {@code currency} on {@code channel} earns, line by line; nothing below the minimum. */
    public List<LinePoints> earn(String channel, String currency, List<Line> lines) {
        Rate rate = rateFor(channel, currency);
        if (rate == null) {
            return List.of();
        }
        long paid = lines.stream().mapToLong(line -> line.paid().minor()).sum();
        if (paid <= 0 || paid < rate.minSpendMinor()) {
            return List.of();
        }
        Map<String, Integer> bySku = new HashMap<>();
        Map<String, Integer> byCategory = new HashMap<>();
        for (Multiplier multiplier : multipliers) {
            (multiplier.target() == Target.SKU ? bySku : byCategory).put(multiplier.key(), multiplier.percent());
        }
        List<LinePoints> earned = new ArrayList<>(lines.size());
        for (Line line : lines) {
            int percent = percentOf(line, bySku, byCategory);
            long points = Math.max(0, line.paid().minor()) * percent * rate.points() / (100L * rate.spendMinor());
            earned.add(new LinePoints(line.sku(), line.quantity(), points));
        }
        return earned;
    }

    /**
     * The lines with the part paid in points taken out, each line in proportion to what it cost, so that points
     * never earn points. Nothing is left when points paid it all.
     */
    public static List<Line> netOfPoints(List<Line> lines, long paidInPointsMinor) {
        if (paidInPointsMinor <= 0) {
            return lines;
        }
        long paid = lines.stream().mapToLong(line -> Math.max(0, line.paid().minor())).sum();
        long net = Math.max(0, paid - paidInPointsMinor);
        List<Line> scaled = new ArrayList<>(lines.size());
        for (Line line : lines) {
            long own = paid == 0 ? 0 : Math.max(0, line.paid().minor()) * net / paid;
            scaled.add(new Line(line.sku(), line.quantity(), new Money(own, line.paid().currency()),
                    line.categoryIds()));
        }
        return scaled;
    }

    public @Nullable Rate rateFor(String channel, String currency) {
        Rate fallback = null;
        for (Rate rate : rates) {
            if (!rate.currency().equals(currency)) {
                continue;
            }
            if (channel.equals(rate.channel())) {
                return rate;
            }
            if (rate.channel() == null) {
                fallback = rate;
            }
        }
        return fallback;
    }

    private static int percentOf(Line line, Map<String, Integer> bySku, Map<String, Integer> byCategory) {
        Integer own = bySku.get(line.sku());
        if (own != null) {
            return own;
        }
        int best = -1;
        for (String category : line.categoryIds()) {
            Integer percent = byCategory.get(category);
            if (percent == null) {
                continue;
            }
            if (percent == 0) {
                return 0;
            }
            best = Math.max(best, percent);
        }
        return best < 0 ? 100 : best;
    }
}
