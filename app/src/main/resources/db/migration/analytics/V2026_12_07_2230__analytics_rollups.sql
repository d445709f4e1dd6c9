CREATE SCHEMA analytics;

-- One row per order as the log reported it ("Order Completed"), kept by the analytics.rollups processor:
-- revenue, AOV, cohorts and CLTV read these instead of the log.
CREATE TABLE analytics.order_fact (
    order_key   text        PRIMARY KEY,
    profile_id  uuid        NOT NULL,
    channel     text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    total_minor bigint      NOT NULL,
    currency    text        NOT NULL,
    country     text,
    cancelled   boolean     NOT NULL DEFAULT false
);
CREATE INDEX order_fact_profile ON analytics.order_fact (profile_id, occurred_at);
CREATE INDEX order_fact_time ON analytics.order_fact (occurred_at);

-- One row per customer, day, channel and event name: when it first happened that day and how often. Funnels,
-- conversion, cross-channel activity and attribution touchpoints read this, never the log.
CREATE TABLE analytics.touch (
    profile_id uuid        NOT NULL,
    day        date        NOT NULL,
    channel    text        NOT NULL,
    name       text        NOT NULL,
    first_at   timestamptz NOT NULL,
    events     integer     NOT NULL,
    PRIMARY KEY (profile_id, day, channel, name)
);
CREATE INDEX touch_day_name ON analytics.touch (day, name);

-- Marketing spend per month, channel and campaign, entered by CSV or the API.
CREATE TABLE analytics.spend (
    month        date        NOT NULL,
    channel      text        NOT NULL,
    campaign     text        NOT NULL,
    currency     text        NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor >= 0),
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (month, channel, campaign, currency)
);
