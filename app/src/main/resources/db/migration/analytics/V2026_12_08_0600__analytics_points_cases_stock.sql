-- Amounts per customer, brand day and measure, kept by the analytics.rollups processor: points earned, redeemed and
-- expired (their sum and the balance after her last movement of the day) and satisfaction ratings.
CREATE TABLE analytics.measure (
    profile_id uuid        NOT NULL,
    day        date        NOT NULL,
    measure    text        NOT NULL,
    total      bigint      NOT NULL,
    events     integer     NOT NULL,
    last_at    timestamptz NOT NULL,
    last_value bigint,
    PRIMARY KEY (profile_id, day, measure)
);
CREATE INDEX measure_day ON analytics.measure (day, measure);

-- One row per service case as its events told it: when it started, was first answered and first resolved, how often
-- it was resolved. The service KPIs read these.
CREATE TABLE analytics.service_case (
    conversation_id   uuid        PRIMARY KEY,
    profile_id        uuid        NOT NULL,
    channel           text        NOT NULL,
    started_at        timestamptz,
    first_response_at timestamptz,
    resolved_at       timestamptz,
    resolutions       integer     NOT NULL DEFAULT 0
);
CREATE INDEX service_case_profile ON analytics.service_case (profile_id, started_at);
CREATE INDEX service_case_resolved ON analytics.service_case (resolved_at);

-- Every stock level a SKU reached at a location, from the stock ledger's level changes: a stretch with nothing on
-- hand runs from a level of 0 to the next change. Kept as the changes themselves, so that the order in which they
-- arrive does not matter.
CREATE TABLE analytics.stock_level (
    sku         text        NOT NULL,
    location_id uuid        NOT NULL,
    changed_at  timestamptz NOT NULL,
    on_hand     integer     NOT NULL,
    PRIMARY KEY (sku, location_id, changed_at)
);
CREATE INDEX stock_level_time ON analytics.stock_level (changed_at);
