package io.throughline.analytics;

import io.throughline.platform.Channel;
import org.jspecify.annotations.Nullable;

/** What a KPI is asked over: the period, optionally one channel, and the currency its money is counted in. */
public record KpiQuery(Period period, @Nullable Channel channel, String currency) {

    public @Nullable String channelKey() {
        return channel == null ? null : channel.key();
    }

    public KpiQuery previous() {
        return new KpiQuery(period.previous(), channel, currency);
    }
}
