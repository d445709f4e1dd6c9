CREATE SCHEMA segments;

-- A segment and its definition: a condition tree saved as JSON, checked when saved. `version` counts saves;
-- a batch evaluation is for one version.
CREATE TABLE segments.segment
(
    id         UUID PRIMARY KEY,
    key        TEXT        NOT NULL UNIQUE,
    name       TEXT        NOT NULL,
    definition JSONB       NOT NULL,
    version    INT         NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- What segments know about a profile, derived from the log: her latest traits, the consents in force when
-- she was last evaluated, and the demographic and geographic facts read from her traits once, typed.
CREATE TABLE segments.profile_fact
(
    profile_id UUID PRIMARY KEY,
    traits     JSONB       NOT NULL,
    consents   TEXT[]      NOT NULL,
    birth_date DATE,
    country    TEXT,
    city       TEXT,
    postcode   TEXT,
    latitude   DOUBLE PRECISION,
    longitude  DOUBLE PRECISION,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Her behaviour: one row per event (track calls with their properties, page and screen views without),
-- kept for the longest window a definition may have. Both evaluators read these rows.
CREATE TABLE segments.behaviour
(
    seq         BIGINT PRIMARY KEY,
    profile_id  UUID        NOT NULL,
    name        TEXT        NOT NULL,
    channel     TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    properties  JSONB       NOT NULL
);

CREATE INDEX behaviour_of_profile ON segments.behaviour (profile_id, name, occurred_at);
CREATE INDEX behaviour_by_age ON segments.behaviour USING brin (occurred_at);

-- Who is in which segment, since when.
CREATE TABLE segments.membership
(
    segment_id UUID        NOT NULL REFERENCES segments.segment (id) ON DELETE CASCADE,
    profile_id UUID        NOT NULL,
    entered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (segment_id, profile_id)
);

CREATE INDEX membership_of_profile ON segments.membership (profile_id);

-- When a profile's memberships may change without a new event (an event leaving a window, a birthday):
-- one timer per profile, claimed by the pollers with SKIP LOCKED.
CREATE TABLE segments.expiry
(
    profile_id UUID PRIMARY KEY,
    due_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX expiry_due ON segments.expiry (due_at);

-- A batch evaluation of one version of a segment over all profiles, in chunks by profile id. Each chunk's
-- memberships, events and the new `after_profile` commit together, so a restart goes on from there and
-- counts nobody twice.
CREATE TABLE segments.evaluation
(
    id            UUID PRIMARY KEY,
    segment_id    UUID        NOT NULL REFERENCES segments.segment (id) ON DELETE CASCADE,
    version       INT         NOT NULL,
    state         TEXT        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'SUPERSEDED')),
    after_profile UUID,
    evaluated     BIGINT      NOT NULL,
    total         BIGINT      NOT NULL,
    entered       BIGINT      NOT NULL,
    exited        BIGINT      NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ
);

CREATE INDEX evaluation_running ON segments.evaluation (segment_id) WHERE state = 'RUNNING';

-- Members over time: a sample after each batch evaluation and every hour.
CREATE TABLE segments.member_count
(
    segment_id UUID        NOT NULL REFERENCES segments.segment (id) ON DELETE CASCADE,
    at         TIMESTAMPTZ NOT NULL,
    members    BIGINT      NOT NULL,
    PRIMARY KEY (segment_id, at)
);
