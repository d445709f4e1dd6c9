-- Customer events that another module's transaction wrote ("Product Added", "Order Completed"): each row commits
-- with the change it describes and leaves in the log writer's transaction that appends it to events.event, so an
-- event reaches the log exactly once even when the process dies between the two commits. Rows left behind by a
-- crash are appended at the next start.
CREATE TABLE events.outbox
(
    source_id         UUID        NOT NULL,
    message_id        TEXT        NOT NULL,
    channel           TEXT        NOT NULL,
    type              TEXT        NOT NULL,
    name              TEXT,
    occurred_at       TIMESTAMPTZ NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    identifier_types  TEXT[]      NOT NULL,
    identifier_values TEXT[]      NOT NULL,
    profile_id        UUID,
    payload           TEXT        NOT NULL,
    written_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, message_id)
);
