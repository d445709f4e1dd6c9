CREATE SCHEMA inventory;

-- A place that holds stock: a warehouse or a shop. Opening hours are a small JSON list of
-- {day, opens, closes}; nothing queries inside them.
CREATE TABLE inventory.location
(
    id              UUID PRIMARY KEY,
    code            TEXT             NOT NULL UNIQUE,
    name            TEXT             NOT NULL,
    kind            TEXT             NOT NULL CHECK (kind IN ('WAREHOUSE', 'SHOP')),
    street          TEXT             NOT NULL,
    city            TEXT             NOT NULL,
    postal_code     TEXT             NOT NULL,
    country         TEXT             NOT NULL,
    latitude        DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    opening_hours   JSONB            NOT NULL,
    pickup          BOOLEAN          NOT NULL,
    ship_from_store BOOLEAN          NOT NULL,
    created_at      TIMESTAMPTZ      NOT NULL,
    updated_at      TIMESTAMPTZ      NOT NULL
);

-- The running on-hand per SKU and location, updated in the same transaction as each ledger row. Writers
-- lock this row (SELECT ... FOR UPDATE), so movements and reservations of one SKU at one location
-- serialize here and nowhere else.
CREATE TABLE inventory.balance
(
    sku         TEXT        NOT NULL,
    location_id UUID        NOT NULL REFERENCES inventory.location (id),
    on_hand     INT         NOT NULL CHECK (on_hand >= 0),
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sku, location_id)
);
CREATE INDEX balance_location_idx ON inventory.balance (location_id, sku);

-- The ledger: append-only; on-hand is the sum of quantity per SKU and location.
CREATE TABLE inventory.movement
(
    id            UUID PRIMARY KEY,
    sku           TEXT        NOT NULL,
    location_id   UUID        NOT NULL REFERENCES inventory.location (id),
    kind          TEXT        NOT NULL,
    quantity      INT         NOT NULL,
    on_hand_after INT         NOT NULL,
    transfer_id   UUID,
    reference     TEXT,
    note          TEXT,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX movement_sku_location_idx ON inventory.movement (sku, location_id, recorded_at DESC, id DESC);

-- Holds (with an expiry) and allocations (without) of stock at one location for a reference such as a
-- cart or an order. Only HELD and ALLOCATED reservations count against availability, and a HELD one only
-- until it expires, whether or not the sweep has marked it yet.
CREATE TABLE inventory.reservation
(
    id          UUID PRIMARY KEY,
    sku         TEXT        NOT NULL,
    location_id UUID        NOT NULL REFERENCES inventory.location (id),
    quantity    INT         NOT NULL CHECK (quantity > 0),
    reference   TEXT        NOT NULL,
    state       TEXT        NOT NULL CHECK (state IN ('HELD', 'ALLOCATED', 'RELEASED', 'EXPIRED', 'FULFILLED')),
    expires_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CHECK ((state = 'HELD') = (expires_at IS NOT NULL) OR state IN ('RELEASED', 'EXPIRED', 'FULFILLED'))
);
CREATE INDEX reservation_active_idx ON inventory.reservation (sku, location_id)
    INCLUDE (quantity, expires_at) WHERE state IN ('HELD', 'ALLOCATED');
CREATE UNIQUE INDEX reservation_active_reference_idx ON inventory.reservation (reference, sku, location_id)
    WHERE state IN ('HELD', 'ALLOCATED');
CREATE INDEX reservation_expiry_idx ON inventory.reservation (expires_at) WHERE state = 'HELD';
CREATE INDEX reservation_reference_idx ON inventory.reservation (reference);

-- Which locations' stock a channel may sell, and how many units of each it keeps back.
CREATE TABLE inventory.channel_location
(
    channel      TEXT        NOT NULL,
    location_id  UUID        NOT NULL REFERENCES inventory.location (id),
    safety_stock INT         NOT NULL CHECK (safety_stock >= 0),
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, location_id)
);
CREATE INDEX channel_location_location_idx ON inventory.channel_location (location_id);
