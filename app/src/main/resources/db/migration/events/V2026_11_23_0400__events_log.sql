CREATE SCHEMA events;

-- Positions in the log. A single writer takes them in commit order, so a processor that has read up to
-- position n has seen every event committed before n.
CREATE SEQUENCE events.event_seq;

-- The customer event log, partitioned by month of arrival so that retention drops whole partitions.
-- profile_id follows merges; resolved_profile_id keeps the profile the event was first resolved to.
CREATE TABLE events.event
(
    seq                 BIGINT      NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    profile_id          UUID        NOT NULL,
    resolved_profile_id UUID        NOT NULL,
    source_id           UUID        NOT NULL,
    channel             TEXT        NOT NULL,
    message_id          TEXT        NOT NULL,
    type                TEXT        NOT NULL,
    name                TEXT,
    occurred_at         TIMESTAMPTZ NOT NULL,
    payload             JSONB       NOT NULL,
    PRIMARY KEY (seq, received_at)
) PARTITION BY RANGE (received_at);
CREATE INDEX event_profile_idx ON events.event (profile_id, seq DESC);

-- Exact de-duplication: a unique key cannot span partitions, so the keys live here, pruned by age.
CREATE TABLE events.dedup
(
    source_id   UUID        NOT NULL,
    message_id  TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_id, message_id)
);
CREATE INDEX dedup_received_idx ON events.dedup (received_at);

-- How far each processor has read.
CREATE TABLE events.processor_offset
(
    processor  TEXT PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
