-- Proof of every consent change a customer made herself in the preference centre: what she changed, the
-- version of the wording she saw, in which language, through what, and when. Kept after the statement itself
-- is replaced, since it is the proof.
CREATE TABLE privacy.consent_proof
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    profile_id      UUID        NOT NULL,
    purpose         TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    change          TEXT        NOT NULL CHECK (change IN ('GRANTED', 'WITHDRAWN', 'CONFIRMATION_REQUESTED')),
    wording_version TEXT        NOT NULL,
    language        TEXT        NOT NULL,
    source          TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX consent_proof_profile_idx ON privacy.consent_proof (profile_id, recorded_at);
CREATE INDEX consent_proof_recorded_idx ON privacy.consent_proof (recorded_at);

-- Email consent waiting for the customer to confirm it from her mailbox (double opt-in).
CREATE TABLE privacy.consent_pending
(
    profile_id   UUID        NOT NULL,
    purpose      TEXT        NOT NULL,
    channel      TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (profile_id, purpose, channel)
);

-- The key that signs preference-centre links, made at random on first use unless one is configured, so that
-- links in mails already sent keep working after a restart.
CREATE TABLE privacy.signing_key
(
    id     INT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL
);

-- Privacy settings an administrator changes while the platform runs.
CREATE TABLE privacy.settings
(
    id                 INT PRIMARY KEY CHECK (id = 1),
    email_double_opt_in BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO privacy.settings (id) VALUES (1);
