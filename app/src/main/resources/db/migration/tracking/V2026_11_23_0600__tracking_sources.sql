CREATE SCHEMA tracking;

-- A source is one channel instance that sends events: the web shop, the app, one shop's till, ...
CREATE TABLE tracking.source
(
    id                    UUID PRIMARY KEY,
    name                  TEXT        NOT NULL,
    channel               TEXT        NOT NULL UNIQUE,
    channel_type          TEXT        NOT NULL,
    events_per_second     INT         NOT NULL CHECK (events_per_second > 0),
    enabled               BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

-- Write keys authenticate a source's events. Only their SHA-256 digest is stored; a source may hold several
-- at once, so that a key can be rotated without a gap.
CREATE TABLE tracking.write_key
(
    id         UUID PRIMARY KEY,
    source_id  UUID        NOT NULL REFERENCES tracking.source (id),
    key_digest TEXT        NOT NULL UNIQUE,
    key_hint   TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX write_key_source_idx ON tracking.write_key (source_id);
