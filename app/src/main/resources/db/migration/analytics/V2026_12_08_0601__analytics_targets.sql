-- The band each KPI the brand watches should stay in, who owns it, and whether it is one of the few key metrics of
-- the weekly review. Bounds are in the KPI's own unit (a share, minor units, a count or seconds).
CREATE TABLE analytics.kpi_target (
    kpi        text        PRIMARY KEY,
    low        double precision,
    high       double precision,
    key_metric boolean     NOT NULL DEFAULT false,
    owner_id   uuid,
    updated_at timestamptz NOT NULL,
    CHECK (low IS NOT NULL OR high IS NOT NULL),
    CHECK (low IS NULL OR high IS NULL OR low <= high)
);

-- A KPI found outside its band over a week of the brand's calendar: one alert per KPI and week.
CREATE TABLE analytics.kpi_alert (
    id              uuid        PRIMARY KEY,
    kpi             text        NOT NULL,
    value           double precision NOT NULL,
    low             double precision,
    high            double precision,
    period_from     timestamptz NOT NULL,
    period_to       timestamptz NOT NULL,
    owner_id        uuid,
    raised_at       timestamptz NOT NULL,
    acknowledged_at timestamptz,
    UNIQUE (kpi, period_from)
);
CREATE INDEX kpi_alert_open ON analytics.kpi_alert (raised_at DESC) WHERE acknowledged_at IS NULL;
