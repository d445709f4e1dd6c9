CREATE SCHEMA privacy;

-- Consent per purpose and channel. Per pair, the statement made latest (by event time) holds.
CREATE TABLE privacy.consent
(
    profile_id  UUID        NOT NULL,
    purpose     TEXT        NOT NULL CHECK (purpose IN ('marketing', 'personalization', 'analytics')),
    channel     TEXT        NOT NULL CHECK (channel IN ('email', 'sms', 'push', 'in_app', 'phone')),
    granted     BOOLEAN     NOT NULL,
    source      TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (profile_id, purpose, channel)
);

-- Every time a member of staff read a customer's personal data, and what they read.
CREATE TABLE privacy.access_log
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id    UUID        NOT NULL,
    profile_id  UUID        NOT NULL,
    action      TEXT        NOT NULL,
    accessed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_log_profile_idx ON privacy.access_log (profile_id, accessed_at DESC);
CREATE INDEX access_log_staff_idx ON privacy.access_log (staff_id, accessed_at DESC);
