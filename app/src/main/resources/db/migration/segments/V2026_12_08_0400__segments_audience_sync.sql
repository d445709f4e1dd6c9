-- A segment's entries and exits sent to a receiver (an advertising platform's audience endpoint), signed.
CREATE TABLE segments.audience_sync (
    segment_id uuid PRIMARY KEY,
    url        text        NOT NULL,
    secret     text        NOT NULL,
    hashed     boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- One entry or exit to send: queued with the membership change, sent with retries, kept as the delivery log.
CREATE TABLE segments.sync_delivery (
    id              uuid PRIMARY KEY,
    segment_id      uuid        NOT NULL,
    profile_id      uuid        NOT NULL,
    change          text        NOT NULL,
    changed_at      timestamptz NOT NULL,
    state           text        NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_status     int,
    last_error      text,
    delivered_at    timestamptz
);

CREATE INDEX sync_delivery_due ON segments.sync_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX sync_delivery_of_segment ON segments.sync_delivery (segment_id, changed_at DESC, id DESC);
CREATE INDEX sync_delivery_of_profile ON segments.sync_delivery (profile_id);
