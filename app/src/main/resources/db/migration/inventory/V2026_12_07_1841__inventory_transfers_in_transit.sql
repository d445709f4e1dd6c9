-- Transfers dispatched from one location and received at another later. The legs are movements
-- (TRANSFER_OUT at dispatch, TRANSFER_IN at receipt) carrying the transfer's id.
CREATE TABLE inventory.transfer
(
    id               UUID PRIMARY KEY,
    from_location_id UUID        NOT NULL REFERENCES inventory.location (id),
    to_location_id   UUID        NOT NULL REFERENCES inventory.location (id),
    state            TEXT        NOT NULL CHECK (state IN ('IN_TRANSIT', 'RECEIVED')),
    reference        TEXT,
    dispatched_at    TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ,
    CHECK (from_location_id <> to_location_id),
    CHECK ((state = 'RECEIVED') = (received_at IS NOT NULL))
);
CREATE INDEX transfer_from_idx ON inventory.transfer (from_location_id, dispatched_at DESC, id DESC);
CREATE INDEX transfer_to_idx ON inventory.transfer (to_location_id, dispatched_at DESC, id DESC);

CREATE TABLE inventory.transfer_line
(
    transfer_id UUID    NOT NULL REFERENCES inventory.transfer (id),
    position    INT     NOT NULL,
    sku         TEXT    NOT NULL,
    quantity    INT     NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (transfer_id, position)
);
