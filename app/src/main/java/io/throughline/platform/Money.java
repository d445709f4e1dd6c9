package io.throughline.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An amount of money in the minor units of its currency (fillér, cent, grosz), so that sums never round.
 * The currency is an ISO 4217 code the JDK knows; amounts may be negative (a discount, a refund).
 */
public record Money(long minor, String currency) {

    private static final Set<String> KNOWN_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    public Money {
        if (currency == null || !KNOWN_CURRENCIES.contains(currency)) {
            throw new InvalidRequestException("currency", "must be an ISO 4217 currency code, not " + currency);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** From a decimal amount such as 4990.00, refusing more decimals than the currency has. */
    public static Money of(BigDecimal amount, String currency) {
        Money unit = zero(currency);
        try {
            return new Money(amount.movePointRight(unit.fractionDigits()).longValueExact(), currency);
        } catch (ArithmeticException tooPrecise) {
            throw new InvalidRequestException("amount",
                    "has more decimals than " + currency + " allows (" + unit.fractionDigits() + ")");
        }
    }

    public int fractionDigits() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, fractionDigits());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minor, sameCurrency(other).minor), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minor, sameCurrency(other).minor), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return minor < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return minor == 0;
    }

    public int compareTo(Money other) {
        return Long.compare(minor, sameCurrency(other).minor);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            // A programming error, not bad input: callers convert or refuse mixed currencies first.
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency;
    }
}
