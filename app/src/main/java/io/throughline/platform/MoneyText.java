package io.throughline.platform;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Money written for people: the currency's symbol and grouping in a language, and whole units for currencies whose
 * coins below one unit are no longer in use, so a forint price never shows fillér. The console and the messages
 * customers get write prices the same way.
 */
public final class MoneyText {

    /** Currencies still carrying minor units in ISO 4217 that are priced and paid in whole units. */
    private static final Set<String> WHOLE_UNITS = Set.of("HUF", "CZK", "ISK");

    private MoneyText() {}

    public static String format(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        int digits = WHOLE_UNITS.contains(money.currency()) ? 0 : money.fractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        if (format instanceof DecimalFormat decimal) {
            // A currency code written before the amount needs a space ("HUF 14,638"), as a symbol does not ("€12").
            decimal.setPositivePrefix(spaced(decimal.getPositivePrefix()));
            decimal.setNegativePrefix(spaced(decimal.getNegativePrefix()));
        }
        return format.format(money.amount());
    }

    private static String spaced(String prefix) {
        return !prefix.isEmpty() && Character.isLetter(prefix.charAt(prefix.length() - 1)) ? prefix + '\u00a0' : prefix;
    }
}
