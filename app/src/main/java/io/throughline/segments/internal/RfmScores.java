package io.throughline.segments.internal;

import io.throughline.events.EventNames;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Recency, frequency and monetary scores as behavioural conditions. Each score is 0 when she has no "Order
 * Completed" in the last 365 days and otherwise 1 plus the number of bands she reaches: for recency, an order
 * within 30, 60, 90 and 180 days (unless the definition gives its own days); for frequency, 2, 3, 5 and 10 orders;
 * for monetary, the definition's four sums of {@code total} in one currency. "Score ≥ k" is one window condition,
 * so a comparison becomes at most two of them, and the live and batch evaluators agree on scores because they
 * already agree on windows.
 */
final class RfmScores {

    static final Duration YEAR = Duration.ofDays(365);
    static final List<BigDecimal> RECENCY_DAYS = bands(30, 60, 90, 180);
    static final List<BigDecimal> FREQUENCY_ORDERS = bands(2, 3, 5, 10);
    static final int MAX = 5;

    private RfmScores() {}

    static Condition expand(Condition.Rfm rfm) {
        if (rfm.comparison() == Condition.Comparison.NE) {
            return new Condition.Not(range(rfm, rfm.value(), rfm.value()));
        }
        int lo = switch (rfm.comparison()) {
            case EQ, GTE -> rfm.value();
            case GT -> rfm.value() + 1;
            default -> 0;
        };
        int hi = switch (rfm.comparison()) {
            case EQ, LTE -> rfm.value();
            case LT -> rfm.value() - 1;
            default -> MAX;
        };
        return range(rfm, lo, hi);
    }

    /** Whether a comparison leaves some scores in and some out; one that does not is refused on save. */
    static boolean decides(Condition.Comparison comparison, int value) {
        int in = 0;
        for (int score = 0; score <= MAX; score++) {
            if (comparison.holds(Integer.compare(score, value))) {
                in++;
            }
        }
        return in > 0 && in <= MAX;
    }

    /** Her score is at least {@code score} (1 to 5). */
    static Condition atLeast(Condition.Rfm rfm, int score) {
        List<Filter> where = rfm.currency() == null ? List.of()
                : List.of(new Filter("currency", Filter.Op.EQ, new Filter.Value.Text(rfm.currency())));
        if (score == 1) {
            return orders(where, YEAR, new Condition.Measure.Count(), BigDecimal.ONE);
        }
        BigDecimal band = rfm.bands().get(rfm.score() == Condition.RfmScore.RECENCY ? MAX - score : score - 2);
        return switch (rfm.score()) {
            case RECENCY -> orders(where, Duration.ofDays(band.longValueExact()), new Condition.Measure.Count(),
                    BigDecimal.ONE);
            case FREQUENCY -> orders(where, YEAR, new Condition.Measure.Count(), band);
            case MONETARY -> orders(where, YEAR, new Condition.Measure.Sum("total"), band);
        };
    }

    private static Condition range(Condition.Rfm rfm, int lo, int hi) {
        List<Condition> parts = new ArrayList<>();
        if (lo > 0) {
            parts.add(atLeast(rfm, lo));
        }
        if (hi < MAX) {
            parts.add(new Condition.Not(atLeast(rfm, hi + 1)));
        }
        return parts.size() == 1 ? parts.getFirst() : new Condition.All(parts);
    }

    private static Condition orders(List<Filter> where, Duration window, Condition.Measure measure, BigDecimal value) {
        return new Condition.Events(EventNames.ORDER_COMPLETED, null, where, window, measure,
                Condition.Comparison.GTE, value);
    }

    private static List<BigDecimal> bands(long... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }
}
