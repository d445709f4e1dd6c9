package io.throughline.console.internal;

import io.throughline.analytics.Kpi;
import io.throughline.analytics.KpiTarget;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A KPI's value as staff read and type it: a share in percent, money in the brand currency's own format, a count
 * grouped, a duration in hours and minutes. Targets are typed in the same units (percent, whole currency units,
 * a count, minutes) and turned back into the KPI's own unit here.
 */
@Component
class KpiFormat {

    private final MoneyFormat money;

    KpiFormat(MoneyFormat money) {
        this.money = money;
    }

    String format(Kpi kpi, @Nullable Double value, String currency) {
        if (value == null) {
            return "–";
        }
        return switch (kpi.unit()) {
            case RATIO -> String.format(Locale.ROOT, "%.1f %%", value * 100);
            case MONEY -> money.format(new Money(Math.round(value), currency));
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value)).replace(',', ' ');
            case DURATION -> duration(Math.round(value));
        };
    }

    /** A target's band as staff read it: "5.0 % – 8.0 %", "≥ 5.0 %" or "≤ 8.0 %". */
    String band(KpiTarget target, String currency) {
        String low = target.low() == null ? null : format(target.kpi(), target.low(), currency);
        String high = target.high() == null ? null : format(target.kpi(), target.high(), currency);
        return low != null && high != null ? low + " – " + high : low != null ? "≥ " + low : "≤ " + high;
    }

    /** Seconds as hours and minutes, or minutes and seconds under an hour. */
    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** A bound as the target form shows it, in the unit it is typed in. */
    static String typed(Kpi kpi, @Nullable Double value, String currency) {
        if (value == null) {
            return "";
        }
        BigDecimal shown = switch (kpi.unit()) {
            case RATIO -> BigDecimal.valueOf(value).movePointRight(2);
            case MONEY -> BigDecimal.valueOf(value).movePointLeft(Money.zero(currency).fractionDigits());
            case COUNT -> BigDecimal.valueOf(value);
            case DURATION -> BigDecimal.valueOf(value).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
        };
        return shown.stripTrailingZeros().toPlainString();
    }

    /** What was typed for a bound, in the KPI's own unit; blank is no bound; nonsense is refused at the field. */
    static @Nullable Double parse(String field, Kpi kpi, @Nullable String typed, String currency) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(typed.strip().replace(" ", "").replace('\u00a0', ' ').replace(" ", "")
                    .replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException(field, "must be a number");
        }
        if (number.signum() < 0) {
            throw new InvalidRequestException(field, "must not be negative");
        }
        return switch (kpi.unit()) {
            case RATIO -> number.movePointLeft(2).doubleValue();
            case MONEY -> number.movePointRight(Money.zero(currency).fractionDigits()).doubleValue();
            case COUNT -> number.doubleValue();
            case DURATION -> number.multiply(BigDecimal.valueOf(60)).doubleValue();
        };
    }
}
