package io.throughline.recommendations.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code throughline.recommendations.*}: how the model learns and how often it is rebuilt.
 *
 * @param trainUntil learn only from what happened before this time, and answer as of it (for offline evaluation:
 *                   train on all but the last weeks of a history and compare with what came after); unset in use
 */
@ConfigurationProperties("throughline.recommendations")
record RecommendationsProperties(@Nullable Duration rebuildEvery, @Nullable Duration halfLife,
        @Nullable Integer neighbours, @Nullable Duration justBought, @Nullable Double repeatRate,
        @Nullable Double buyAgain, @Nullable Instant trainUntil) {

    ModelSettings settings() {
        ModelSettings defaults = ModelSettings.defaults();
        return new ModelSettings(halfLife == null ? defaults.halfLife() : halfLife,
                neighbours == null ? defaults.neighbours() : neighbours,
                justBought == null ? defaults.justBought() : justBought,
                repeatRate == null ? defaults.repeatRate() : repeatRate,
                buyAgain == null ? defaults.buyAgain() : buyAgain, defaults.trendWindow());
    }
}
