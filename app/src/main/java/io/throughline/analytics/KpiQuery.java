package io.throughline.analytics;

import io.throughline.platform.Channel;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a KPI is asked over: the period, optionally one channel, the currency its money is counted in, and optionally
 * the audience (a segment's members) its customers are narrowed to.
 */
public record KpiQuery(Period period, @Nullable Channel channel, String currency, @Nullable Audience audience) {

    public KpiQuery(Period period, @Nullable Channel channel, String currency) {
        this(period, channel, currency, null);
    }

    public @Nullable String channelKey() {
        return channel == null ? null : channel.key();
    }

    public KpiQuery previous() {
        return new KpiQuery(period.previous(), channel, currency, audience);
    }

    /** The audience's members as an SQL array parameter; empty when the query is over everyone. */
    public UUID[] audienceMembers() {
        return audience == null ? new UUID[0] : audience.members().toArray(UUID[]::new);
    }
}
