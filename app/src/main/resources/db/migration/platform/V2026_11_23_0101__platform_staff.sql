CREATE SCHEMA platform;

-- Staff who sign in to the console or call the management API.
CREATE TABLE platform.staff_account
(
    id            UUID PRIMARY KEY,
    email         TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('ADMIN', 'MARKETER', 'AGENT', 'STORE_ASSOCIATE', 'ANALYST')),
    password_hash TEXT        NOT NULL,
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX staff_account_email_key ON platform.staff_account (lower(email));

-- Bearer tokens for /api/**. Only a SHA-256 digest of each token is kept: a leaked table grants nothing.
CREATE TABLE platform.api_token
(
    id           UUID PRIMARY KEY,
    staff_id     UUID        NOT NULL REFERENCES platform.staff_account (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    token_digest TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_token_staff_idx ON platform.api_token (staff_id);
