package io.throughline.analytics.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics settings: the currency KPIs count in unless asked otherwise, the channels customers come back through on
 * their own (which last non-direct attribution passes over) and time decay's half-life.
 */
@ConfigurationProperties("throughline.analytics")
record AnalyticsProperties(@DefaultValue("HUF") String currency, @DefaultValue({"web", "app"}) Set<String> directChannels,
        @DefaultValue("7d") Duration timeDecayHalfLife) {}
