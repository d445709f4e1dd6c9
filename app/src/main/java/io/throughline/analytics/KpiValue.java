package io.throughline.analytics;

import org.jspecify.annotations.Nullable;

/**
 * A KPI's value over a query: the numerator and denominator it was computed from (a count, an amount in minor units,
 * or 1 when the KPI is not a share), the value itself (none when the denominator is zero), and the value over the
 * period just before, for the trend.
 */
public record KpiValue(Kpi kpi, int version, @Nullable Double value, double numerator, double denominator,
        @Nullable Double previous, String currency) {

    public static KpiValue of(Kpi kpi, Fraction current, Fraction before, String currency) {
        return new KpiValue(kpi, kpi.version(), current.value(), current.numerator(), current.denominator(),
                before.value(), currency);
    }

    /** A numerator over a denominator; the value is undefined over nothing. */
    public record Fraction(double numerator, double denominator) {

        public static Fraction count(double value) {
            return new Fraction(value, 1);
        }

        public @Nullable Double value() {
            return denominator == 0 ? null : numerator / denominator;
        }
    }
}
