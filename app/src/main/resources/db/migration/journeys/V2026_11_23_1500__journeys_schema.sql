CREATE SCHEMA journeys;

-- A journey and which of its versions new entries take. Versions are immutable once saved.
CREATE TABLE journeys.journey
(
    key            TEXT PRIMARY KEY,
    name           TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED')),
    active_version INT,
    latest_version INT         NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE journeys.version
(
    journey_key TEXT        NOT NULL REFERENCES journeys.journey (key),
    version     INT         NOT NULL,
    definition  JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (journey_key, version)
);

-- One customer's way through one version. While ACTIVE it sits at `step`; waiting_for is the event a
-- "wait for event" step expects. `stage` counts the times it parked: a timer or an awaited event only moves
-- the instance when its stage is still the instance's, so a late timeout cannot move it twice.
CREATE TABLE journeys.instance
(
    id          UUID PRIMARY KEY,
    journey_key TEXT        NOT NULL,
    version     INT         NOT NULL,
    profile_id  UUID        NOT NULL,
    state       TEXT        NOT NULL CHECK (state IN ('ACTIVE', 'COMPLETED', 'CONVERTED', 'CONTROL')),
    step        TEXT        NOT NULL,
    stage       INT         NOT NULL,
    waiting_for TEXT,
    data        JSONB       NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ,
    FOREIGN KEY (journey_key, version) REFERENCES journeys.version (journey_key, version)
);

-- The customer's instances in flight: what each of her events is matched against.
CREATE INDEX instance_in_flight ON journeys.instance (profile_id) WHERE state = 'ACTIVE';
-- Re-entry rules look up her last entry into the journey.
CREATE INDEX instance_entries ON journeys.instance (journey_key, profile_id, entered_at DESC);

-- Durable timers: waits, event timeouts and quiet-hour holds. The poller claims the due ones in batches by
-- due time, skipping rows another node holds, and deletes each in the transaction that moves its instance.
CREATE TABLE journeys.timer
(
    id          UUID PRIMARY KEY,
    instance_id UUID        NOT NULL REFERENCES journeys.instance (id),
    stage       INT         NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('WAIT', 'TIMEOUT', 'HOLD')),
    due_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX timer_due ON journeys.timer (due_at);
CREATE INDEX timer_of_instance ON journeys.timer (instance_id);

-- Per version and step: arrivals and departures, one row per transaction that moved instances, summed on
-- reading. Appending rather than updating one row per step keeps concurrent pollers and the event processor
-- from queueing on the same hot rows. Waiting at a step now is arrivals minus departures.
CREATE TABLE journeys.step_count
(
    journey_key TEXT   NOT NULL,
    version     INT    NOT NULL,
    step        TEXT   NOT NULL,
    entered     BIGINT NOT NULL,
    left_step   BIGINT NOT NULL
);

CREATE INDEX step_count_of_version ON journeys.step_count (journey_key, version);

-- Per version: entries and how they ended, appended like the step counts.
CREATE TABLE journeys.outcome_count
(
    journey_key TEXT   NOT NULL,
    version     INT    NOT NULL,
    entered     BIGINT NOT NULL,
    completed   BIGINT NOT NULL,
    converted   BIGINT NOT NULL,
    control     BIGINT NOT NULL
);

CREATE INDEX outcome_count_of_version ON journeys.outcome_count (journey_key, version);

-- The next run of each journey with a schedule trigger.
CREATE TABLE journeys.schedule
(
    journey_key TEXT PRIMARY KEY REFERENCES journeys.journey (key),
    next_run_at TIMESTAMPTZ NOT NULL
);
