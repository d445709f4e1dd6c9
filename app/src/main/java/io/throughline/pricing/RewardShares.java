package io.throughline.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * What one reward takes off each line of a cart, in whole minor units, given what the lines still cost after
 * the promotions before it. The quote engine decides which promotions apply and in what order; this is only
 * the arithmetic of each kind of reward, kept apart so each rule can be read on its own.
 */
final class RewardShares {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String MINUS = "\u2212";

    private RewardShares() {}

    /** The discount a reward gives on each line (positive minor units), or null with why it gives nothing. */
    record Outcome(long @Nullable [] shares, String why) {}

    static Outcome of(Reward reward, Cart cart, long[] unit, long[] net, boolean[] qualifying) {
        int count = net.length;
        String currency = cart.currency();
        return switch (reward) {
            case Reward.PercentOff percentOff -> {
                long[] shares = new long[count];
                long total = 0;
                for (int i = 0; i < count; i++) {
                    if (percentOff.scope() == RewardScope.ORDER || qualifying[i]) {
                        shares[i] = Math.min(net[i], BigDecimal.valueOf(net[i]).multiply(percentOff.percent())
                                .divide(HUNDRED).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
                        total += shares[i];
                    }
                }
                String why = MINUS + percentOff.percent().toPlainString() + " %";
                yield total == 0 ? new Outcome(null, "gives nothing on these items") : new Outcome(shares, why);
            }
            case Reward.AmountOff amountOff -> {
                long amount = amountOff.amount().minor();
                long[] shares;
                String why;
                if (amountOff.scope() == RewardScope.ITEMS) {
                    shares = new long[count];
                    for (int i = 0; i < count; i++) {
                        if (qualifying[i]) {
                            shares[i] = Math.min(net[i], Math.multiplyExact(amount, cart.lines().get(i).quantity()));
                        }
                    }
                    why = MINUS + amountOff.amount() + " per item";
                } else {
                    shares = allocate(amount, net, all(count));
                    why = MINUS + amountOff.amount();
                }
                yield sum(shares) == 0 ? new Outcome(null, "gives nothing on these items") : new Outcome(shares, why);
            }
            case Reward.BuyXGetY buyXGetY -> {
                long units = 0;
                for (int i = 0; i < count; i++) {
                    if (qualifying[i]) {
                        units += cart.lines().get(i).quantity();
                    }
                }
                int group = buyXGetY.buy() + buyXGetY.get();
                long free = units / group * buyXGetY.get();
                String why = "Buy " + buyXGetY.buy() + ", get " + buyXGetY.get() + " free";
                if (free == 0) {
                    yield new Outcome(null, "needs " + group + " qualifying items");
                }
                Integer[] cheapestFirst = new Integer[count];
                for (int i = 0; i < count; i++) {
                    cheapestFirst[i] = i;
                }
                Arrays.sort(cheapestFirst, Comparator.comparingLong((Integer i) -> unit[i]));
                long[] shares = new long[count];
                for (int i : cheapestFirst) {
                    if (free == 0) {
                        break;
                    }
                    if (qualifying[i]) {
                        long taken = Math.min(free, cart.lines().get(i).quantity());
                        shares[i] = Math.min(net[i], taken * unit[i]);
                        free -= taken;
                    }
                }
                yield new Outcome(shares, why);
            }
            case Reward.BundlePrice bundle -> bundle(bundle, cart, unit, net, currency);
            case Reward.TieredSpend tiered -> {
                long spend = 0;
                for (int i = 0; i < count; i++) {
                    if (qualifying[i]) {
                        spend += unit[i] * cart.lines().get(i).quantity();
                    }
                }
                Reward.Tier reached = null;
                for (Reward.Tier tier : tiered.tiers()) {
                    if (spend >= tier.threshold().minor()) {
                        reached = tier;
                    }
                }
                if (reached == null) {
                    yield new Outcome(null, "needs a spend of " + tiered.tiers().getFirst().threshold());
                }
                yield new Outcome(allocate(reached.off().minor(), net, qualifying),
                        "Spend " + reached.threshold() + ", get " + reached.off() + " off");
            }
            case Reward.FreeShipping free -> new Outcome(new long[count], "Free shipping");
        };
    }

    private static Outcome bundle(Reward.BundlePrice bundle, Cart cart, long[] unit, long[] net, String currency) {
        int count = net.length;
        long bundles = Long.MAX_VALUE;
        int[] firstLine = new int[bundle.items().size()];
        long value = 0;
        for (int b = 0; b < bundle.items().size(); b++) {
            Reward.BundleItem item = bundle.items().get(b);
            long held = 0;
            firstLine[b] = -1;
            for (int i = 0; i < count; i++) {
                if (cart.lines().get(i).sku().equals(item.sku())) {
                    held += cart.lines().get(i).quantity();
                    if (firstLine[b] < 0) {
                        firstLine[b] = i;
                    }
                }
            }
            bundles = Math.min(bundles, held / item.quantity());
            if (firstLine[b] >= 0) {
                value += unit[firstLine[b]] * item.quantity();
            }
        }
        if (bundles == 0) {
            return new Outcome(null, "needs the whole bundle in the cart");
        }
        long saving = (value - bundle.price().minor()) * bundles;
        if (saving <= 0) {
            return new Outcome(null, "costs no less than the items on their own");
        }
        long[] weights = new long[count];
        boolean[] mask = new boolean[count];
        for (int b = 0; b < bundle.items().size(); b++) {
            int line = firstLine[b];
            weights[line] += Math.min(net[line], unit[line] * bundle.items().get(b).quantity() * bundles);
            mask[line] = true;
        }
        return new Outcome(allocate(saving, weights, mask),
                "Bundle price " + bundle.price() + (bundles > 1 ? " \u00d7 " + bundles : ""));
    }

    /**
     * Shares {@code amount} across the masked lines in proportion to their weights, by largest remainder
     * (ties to the earlier line), never more than a line's weight and never more than the weights in total.
     */
    static long[] allocate(long amount, long[] weights, boolean[] mask) {
        int count = weights.length;
        long[] shares = new long[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            if (mask[i]) {
                total += weights[i];
            }
        }
        if (total <= 0 || amount <= 0) {
            return shares;
        }
        long toShare = Math.min(amount, total);
        BigInteger big = BigInteger.valueOf(toShare);
        BigInteger whole = BigInteger.valueOf(total);
        long[] remainders = new long[count];
        long given = 0;
        for (int i = 0; i < count; i++) {
            if (mask[i] && weights[i] > 0) {
                BigInteger[] division = big.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(whole);
                shares[i] = division[0].longValueExact();
                remainders[i] = division[1].longValueExact();
                given += shares[i];
            }
        }
        while (given < toShare) {
            int best = -1;
            for (int i = 0; i < count; i++) {
                if (mask[i] && shares[i] < weights[i] && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }

    private static boolean[] all(int count) {
        boolean[] mask = new boolean[count];
        Arrays.fill(mask, true);
        return mask;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
