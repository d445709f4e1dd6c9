-- Erasure: the signed receipts, the suppression list of erased identifiers, and per-installation secrets.

CREATE TABLE privacy.erasure_receipt
(
    id                 UUID PRIMARY KEY,
    profile_id         UUID        NOT NULL,
    erased_profile_ids UUID[]      NOT NULL,
    request_reference  TEXT        NOT NULL,
    erased_at          TIMESTAMPTZ NOT NULL,
    tables             JSONB       NOT NULL,
    signature          TEXT        NOT NULL
);
CREATE INDEX erasure_receipt_of_profile ON privacy.erasure_receipt (profile_id);

-- SHA-256 of pepper, type and normalised value: the list can say "this email was erased" without holding it.
CREATE TABLE privacy.suppression
(
    digest        TEXT PRIMARY KEY,
    type          TEXT        NOT NULL,
    erasure_id    UUID        NOT NULL,
    suppressed_at TIMESTAMPTZ NOT NULL
);

-- Secrets generated once per installation when configuration does not give them.
CREATE TABLE privacy.installation_secret
(
    name       TEXT PRIMARY KEY,
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
