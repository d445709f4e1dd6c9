package io.throughline.analytics;

import java.util.List;

/** The brand's KPIs, the one source of their numbers for the dashboard, segments, journeys and exports. */
public interface Kpis {

    KpiValue value(Kpi kpi, KpiQuery query);

    /** Every KPI over the query, in the order of {@link Kpi}. */
    List<KpiValue> all(KpiQuery query);
}
