package io.throughline.recommendations.internal;

import java.time.Duration;

/**
 * How the model learns and answers.
 *
 * @param halfLife     how fast what she did counts less: an interaction this old weighs half
 * @param neighbours   nearest products kept per product
 * @param justBought   what she bought this recently is not recommended again, unless it is bought again and again
 * @param repeatRate   the share of a product's (or its category's) buyers who bought it in two orders or more from
 *                     which it counts as bought again and again
 * @param buyAgain     the weight of her own repeat purchases against products like them
 * @param trendWindow  the recent period whose sales are compared to the four before it for trending
 */
record ModelSettings(Duration halfLife, int neighbours, Duration justBought, double repeatRate, double buyAgain,
        Duration trendWindow) {

    static ModelSettings defaults() {
        return new ModelSettings(Duration.ofDays(60), 50, Duration.ofDays(14), 0.3, 1.0, Duration.ofDays(14));
    }
}
