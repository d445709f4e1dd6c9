-- The identity graph: every way of recognising a customer points at her one live profile. The identity
-- table, not the profile's contact columns, is what makes an email or a user id belong to one customer.
DROP INDEX customers.profile_email_key;
CREATE INDEX profile_email_idx ON customers.profile (email) WHERE email IS NOT NULL;

-- A merged profile stays, pointing at the profile that absorbed it, so old ids still lead somewhere and
-- a merge can be undone.
ALTER TABLE customers.profile ADD COLUMN merged_into UUID REFERENCES customers.profile (id);

CREATE TABLE customers.identity
(
    type          TEXT        NOT NULL,
    value         TEXT        NOT NULL,
    profile_id    UUID        NOT NULL REFERENCES customers.profile (id),
    first_seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (type, value)
);
CREATE INDEX identity_profile_idx ON customers.identity (profile_id);

-- Every merge with its cause and what moved, so that it can be explained and undone.
CREATE TABLE customers.merge
(
    id               UUID PRIMARY KEY,
    survivor_id      UUID        NOT NULL REFERENCES customers.profile (id),
    merged_id        UUID        NOT NULL REFERENCES customers.profile (id),
    cause            TEXT        NOT NULL,
    merged_at        TIMESTAMPTZ NOT NULL,
    moved_identities JSONB       NOT NULL,
    unmerged_at      TIMESTAMPTZ,
    unmerged_by      UUID
);
CREATE INDEX merge_survivor_idx ON customers.merge (survivor_id);
CREATE INDEX merge_merged_idx ON customers.merge (merged_id);

-- Identifiers that would have merged two customers against a per-type limit (one user id per profile by
-- default): kept on the event, not attached, and recorded here.
CREATE TABLE customers.identity_conflict
(
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    profile_id             UUID        NOT NULL,
    conflicting_profile_id UUID,
    type                   TEXT        NOT NULL,
    value                  TEXT        NOT NULL,
    reason                 TEXT        NOT NULL,
    recorded_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_conflict_profile_idx ON customers.identity_conflict (profile_id);

-- Traits from identify calls. Per trait, the value observed latest (by event time) wins.
CREATE TABLE customers.trait
(
    profile_id  UUID        NOT NULL REFERENCES customers.profile (id),
    name        TEXT        NOT NULL,
    value       JSONB       NOT NULL,
    observed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (profile_id, name)
);

-- Where and when a customer has been active, per channel.
CREATE TABLE customers.channel_activity
(
    profile_id    UUID        NOT NULL REFERENCES customers.profile (id),
    channel       TEXT        NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    events        BIGINT      NOT NULL,
    PRIMARY KEY (profile_id, channel)
);

-- Identities for the profiles that existed before the graph.
INSERT INTO customers.identity (type, value, profile_id, first_seen_at)
SELECT 'email', email, id, created_at FROM customers.profile WHERE email IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO customers.identity (type, value, profile_id, first_seen_at)
SELECT 'phone', phone, id, created_at FROM customers.profile WHERE phone IS NOT NULL
ON CONFLICT DO NOTHING;
