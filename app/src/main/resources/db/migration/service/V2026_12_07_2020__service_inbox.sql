CREATE SCHEMA service;

-- One case of a customer's: every channel's messages for her while it is open. A resolved case may be reopened
-- within the configured period; after it, her next message opens a new case that names this one (previous_id).
CREATE TABLE service.conversation (
    id                  uuid PRIMARY KEY,
    profile_id          uuid        NOT NULL,
    merged_from         uuid,
    merged_into         uuid,
    previous_id         uuid,
    status              text        NOT NULL,
    medium              text        NOT NULL,
    channel             text        NOT NULL,
    team                text,
    subject             text,
    assignee_id         uuid,
    assigned_at         timestamptz,
    opened_at           timestamptz NOT NULL,
    first_response_due  timestamptz NOT NULL,
    first_response_at   timestamptz,
    snoozed_until       timestamptz,
    resolved_at         timestamptz,
    last_message_at     timestamptz NOT NULL,
    reopened_count      integer     NOT NULL DEFAULT 0,
    version             bigint      NOT NULL DEFAULT 0
);
CREATE INDEX conversation_profile ON service.conversation (profile_id, opened_at DESC);
CREATE INDEX conversation_merged_from ON service.conversation (merged_from) WHERE merged_from IS NOT NULL;
CREATE INDEX conversation_previous ON service.conversation (previous_id) WHERE previous_id IS NOT NULL;
CREATE INDEX conversation_merged_into ON service.conversation (merged_into) WHERE merged_into IS NOT NULL;
-- The queue: unassigned live cases by time to breach.
CREATE INDEX conversation_queue ON service.conversation (first_response_due, opened_at)
    WHERE assignee_id IS NULL AND status <> 'RESOLVED' AND merged_into IS NULL;
CREATE INDEX conversation_assignee ON service.conversation (assignee_id, status)
    WHERE assignee_id IS NOT NULL AND merged_into IS NULL;

-- Every message, note and call on a case. dedupe_key holds what makes a retried delivery recognisable (an email's
-- Message-ID, a provider's message id, the widget's client id); it is unique, so a retry is stored once.
CREATE TABLE service.message (
    id                  uuid PRIMARY KEY,
    conversation_id     uuid        NOT NULL REFERENCES service.conversation (id),
    profile_id          uuid        NOT NULL,
    kind                text        NOT NULL,
    direction           text        NOT NULL,
    medium              text        NOT NULL,
    channel             text        NOT NULL,
    author_staff_id     uuid,
    body_text           text        NOT NULL,
    body_html           text,
    email_message_id    text,
    email_in_reply_to   text,
    email_references    text,
    email_from          text,
    email_to            text,
    call_seconds        integer,
    call_disposition    text,
    delivery            text        NOT NULL,
    dedupe_key          text        UNIQUE,
    created_at          timestamptz NOT NULL
);
CREATE INDEX message_conversation ON service.message (conversation_id, created_at, id);
CREATE INDEX message_profile ON service.message (profile_id);
CREATE INDEX message_email_id ON service.message (email_message_id) WHERE email_message_id IS NOT NULL;

-- Agents who take cases from the queue, and how many live cases each may hold at once.
CREATE TABLE service.agent (
    staff_id            uuid PRIMARY KEY,
    capacity            integer     NOT NULL CHECK (capacity >= 0),
    available           boolean     NOT NULL,
    teams               text[]      NOT NULL DEFAULT '{}',
    last_assigned_at    timestamptz,
    updated_at          timestamptz NOT NULL
);

-- Answers agents insert with a shortcut; {{givenName}} and the like are filled from the customer's profile.
CREATE TABLE service.canned_answer (
    id                  uuid PRIMARY KEY,
    shortcut            text        NOT NULL UNIQUE,
    title               text        NOT NULL,
    body                text        NOT NULL,
    created_at          timestamptz NOT NULL
);

-- Run-time settings of the inbox: reopening period, first-response target, mail servers.
CREATE TABLE service.setting (
    key                 text PRIMARY KEY,
    value               text        NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- The cursor of the IMAP poller: the highest UID read per mailbox and its UIDVALIDITY.
CREATE TABLE service.mailbox_cursor (
    mailbox             text PRIMARY KEY,
    uid_validity        bigint      NOT NULL,
    last_uid            bigint      NOT NULL,
    polled_at           timestamptz NOT NULL
);
