package io.throughline.analytics;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A KPI left the band its target sets, over the week ending at {@code periodTo}: for the owner's task or email. It
 * carries the KPI's key and figures, no customer's data.
 */
public record KpiLeftItsBand(UUID alertId, String kpi, double value, @Nullable Double low, @Nullable Double high,
        Instant periodFrom, Instant periodTo, @Nullable UUID ownerId, Instant raisedAt) {}
