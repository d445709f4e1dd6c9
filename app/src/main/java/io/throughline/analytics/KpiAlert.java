package io.throughline.analytics;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A week in which a KPI was outside its band: its value then, the band, and whether someone has seen to it. */
public record KpiAlert(UUID id, Kpi kpi, double value, @Nullable Double low, @Nullable Double high, Period period,
        @Nullable UUID ownerId, Instant raisedAt, @Nullable Instant acknowledgedAt) {}
