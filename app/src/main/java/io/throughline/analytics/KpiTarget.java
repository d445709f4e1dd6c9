package io.throughline.analytics;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The band a KPI should stay in, in its own unit (a share from 0 to 1, minor units, a count or seconds), either bound
 * open; its owner, who hears when it leaves the band; and whether it is one of the key metrics of the weekly review.
 */
public record KpiTarget(Kpi kpi, @Nullable Double low, @Nullable Double high, boolean keyMetric,
        @Nullable UUID ownerId, Instant updatedAt) {

    /** Inside the band, bounds included; a value that cannot be computed is never outside. */
    public boolean holds(@Nullable Double value) {
        return value == null || ((low == null || value >= low) && (high == null || value <= high));
    }
}
