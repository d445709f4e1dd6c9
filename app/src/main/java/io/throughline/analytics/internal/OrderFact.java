package io.throughline.analytics.internal;

import io.throughline.events.LoggedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One completed order as analytics counts it: whose, where, when, how much (minor units) and, if told, the country. */
record OrderFact(String key, UUID profileId, String channel, Instant occurredAt, long totalMinor, String currency,
        @Nullable String country) {

    /**
     * The order an "Order Completed" reports, keyed by its {@code order_id} (else the event's message id); none when
     * it names no amount or no known currency, which no revenue figure could use.
     */
    static Optional<OrderFact> from(LoggedEvent event, JsonNode payload) {
        JsonNode properties = payload.path("properties");
        JsonNode amount = properties.has("revenue") ? properties.path("revenue") : properties.path("total");
        String currencyCode = properties.path("currency").asString("");
        if (!amount.isNumber() && !amount.isString()) {
            return Optional.empty();
        }
        Currency currency;
        BigDecimal decimal;
        try {
            currency = Currency.getInstance(currencyCode.toUpperCase(java.util.Locale.ROOT));
            decimal = new BigDecimal(amount.asString());
        } catch (IllegalArgumentException | ArithmeticException notUsable) {
            return Optional.empty();
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        long minor = decimal.movePointRight(digits).setScale(0, java.math.RoundingMode.HALF_EVEN).longValue();
        String order = properties.path("order_id").asString(properties.path("orderId").asString(""));
        String country = properties.path("country").asString(
                properties.path("shipping").path("country").asString(""));
        return Optional.of(new OrderFact(order.isEmpty() ? "message:" + event.messageId() : order,
                event.profileId(), event.channel(), event.occurredAt(), minor, currency.getCurrencyCode(),
                country.isEmpty() ? null : country));
    }
}
