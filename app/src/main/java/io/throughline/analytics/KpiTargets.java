package io.throughline.analytics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Targets for the KPIs the brand watches, and the alerts raised when one leaves its band. Each week of the brand's
 * calendar is checked once it has ended; a KPI outside its band raises one alert for that week and publishes
 * {@link KpiLeftItsBand}.
 */
public interface KpiTargets {

    List<KpiTarget> all();

    Optional<KpiTarget> of(Kpi kpi);

    /**
     * Sets a KPI's band; at least one bound, {@code low} not above {@code high} (refused at {@code high}), and a share's
     * bounds between 0 and 1 (refused at the bound).
     */
    KpiTarget set(Kpi kpi, @Nullable Double low, @Nullable Double high, boolean keyMetric, @Nullable UUID ownerId);

    void remove(Kpi kpi);

    /** Checks the last whole week against every target; the alerts it raised now (none for a week already checked). */
    List<KpiAlert> check();

    /** Alerts, newest first; only those nobody acknowledged when {@code openOnly}. */
    List<KpiAlert> alerts(boolean openOnly, int limit);

    KpiAlert acknowledge(UUID alertId);

    /** The week the weekly review and the alerts look at: the seven whole days of the brand's calendar before today. */
    Period lastWeek();
}
