CREATE SCHEMA IF NOT EXISTS messaging;

-- One message, its variants per channel as JSON: they are always read and written together.
CREATE TABLE messaging.message (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    purpose     text        NOT NULL CHECK (purpose IN ('marketing', 'transactional')),
    fallbacks   jsonb       NOT NULL DEFAULT '{}',
    variants    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX message_by_name ON messaging.message (lower(name));

-- Every send, refused ones with their reason. No address is kept here: the profile holds them.
CREATE TABLE messaging.delivery (
    id               uuid PRIMARY KEY,
    message_id       uuid        NOT NULL REFERENCES messaging.message (id),
    variant_key      text        NOT NULL,
    profile_id       uuid        NOT NULL,
    channel          text        NOT NULL,
    purpose          text        NOT NULL,
    status           text        NOT NULL,
    reason           text,
    links            jsonb       NOT NULL DEFAULT '[]',
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    opened_at        timestamptz,
    clicked_at       timestamptz,
    bounced_at       timestamptz,
    unsubscribed_at  timestamptz
);
CREATE INDEX delivery_by_profile ON messaging.delivery (profile_id, created_at DESC);
CREATE INDEX delivery_by_message ON messaging.delivery (message_id, created_at DESC);

-- What the local sink kept of messages to channels that are not configured.
CREATE TABLE messaging.sink_message (
    id           uuid PRIMARY KEY,
    delivery_id  uuid        NOT NULL,
    channel      text        NOT NULL,
    recipient    text        NOT NULL,
    subject      text,
    text_body    text,
    html_body    text,
    headers      jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL
);
CREATE INDEX sink_message_newest ON messaging.sink_message (created_at DESC);

CREATE TABLE messaging.in_app_card (
    id           uuid PRIMARY KEY,
    delivery_id  uuid        NOT NULL,
    profile_id   uuid        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    link         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    read_at      timestamptz
);
CREATE INDEX in_app_card_unread ON messaging.in_app_card (profile_id, created_at) WHERE read_at IS NULL;

CREATE TABLE messaging.associate_task (
    id           uuid PRIMARY KEY,
    delivery_id  uuid        NOT NULL,
    profile_id   uuid        NOT NULL,
    location     text        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    done_at      timestamptz
);
CREATE INDEX associate_task_open ON messaging.associate_task (location, created_at) WHERE done_at IS NULL;

-- Channel settings changed at run time by an administrator; they override the configuration file.
CREATE TABLE messaging.setting (
    name   text PRIMARY KEY,
    value  text NOT NULL
);

-- The key that signs tracking and unsubscribe tokens, made once so that links keep working after a restart.
CREATE TABLE messaging.signing_key (
    id      int PRIMARY KEY CHECK (id = 1),
    secret  bytea NOT NULL
);
