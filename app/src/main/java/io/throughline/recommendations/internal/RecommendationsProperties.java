package io.throughline.recommendations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code throughline.recommendations.*}: how the model learns and how often it is rebuilt, and what messages offer.
 *
 * @param trainUntil learn only from what happened before this time, and answer as of it (for offline evaluation:
 *                   train on all but the last weeks of a history and compare with what came after); unset in use
 * @param messages   the products messages insert: the channel whose range, stock and prices they show
 *                   ({@code channel}, default {@code web}), in which currency ({@code currency}, HUF) and language's
 *                   format ({@code locale}, hu-HU), and each product's link ({@code product-url}, {@code {sku}}
 *                   replaced)
 */
@ConfigurationProperties("throughline.recommendations")
record RecommendationsProperties(@Nullable Duration rebuildEvery, @Nullable Duration halfLife,
        @Nullable Integer neighbours, @Nullable Duration justBought, @Nullable Double repeatRate,
        @Nullable Double buyAgain, @Nullable Instant trainUntil, @Nullable MessagesProperties messages) {

    /** What messages offer, as configured; blanks keep the defaults. */
    record MessagesProperties(@Nullable String channel, @Nullable String currency, @Nullable String locale,
            @Nullable String productUrl) {}

    /** What messages offer, with the defaults filled in. */
    record Messages(String channel, String currency, Locale locale, String productUrl) {}

    ModelSettings settings() {
        ModelSettings defaults = ModelSettings.defaults();
        return new ModelSettings(halfLife == null ? defaults.halfLife() : halfLife,
                neighbours == null ? defaults.neighbours() : neighbours,
                justBought == null ? defaults.justBought() : justBought,
                repeatRate == null ? defaults.repeatRate() : repeatRate,
                buyAgain == null ? defaults.buyAgain() : buyAgain, defaults.trendWindow());
    }

    Messages messageSettings() {
        MessagesProperties given = messages == null ? new MessagesProperties(null, null, null, null) : messages;
        return new Messages(or(given.channel(), "web"), or(given.currency(), "HUF"),
                Locale.forLanguageTag(or(given.locale(), "hu-HU")),
                or(given.productUrl(), "http://localhost:8080/shop/products/{sku}"));
    }

    private static String or(@Nullable String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
