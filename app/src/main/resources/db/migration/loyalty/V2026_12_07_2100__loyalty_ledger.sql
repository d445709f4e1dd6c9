CREATE SCHEMA loyalty;

-- The brand's one programme: its name, how long points live, and what a point is worth per currency.
CREATE TABLE loyalty.programme (
    id          uuid PRIMARY KEY,
    one         boolean NOT NULL DEFAULT true UNIQUE CHECK (one),
    name        text NOT NULL,
    expiry_days integer NOT NULL CHECK (expiry_days > 0),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- What one point is worth when spent, in minor units of a currency (1 point = 100 HUF minor = 1 Ft).
CREATE TABLE loyalty.point_value (
    currency        char(3) PRIMARY KEY,
    minor_per_point bigint NOT NULL CHECK (minor_per_point > 0)
);

-- Points per amount of net paid, per currency and, optionally, per channel (a channel's rule beats the default).
CREATE TABLE loyalty.earn_rule (
    id              uuid PRIMARY KEY,
    channel         text,
    currency        char(3) NOT NULL,
    spend_minor     bigint NOT NULL CHECK (spend_minor > 0),
    points          integer NOT NULL CHECK (points > 0),
    min_spend_minor bigint NOT NULL DEFAULT 0 CHECK (min_spend_minor >= 0)
);
CREATE UNIQUE INDEX earn_rule_channel_currency ON loyalty.earn_rule (coalesce(channel, ''), currency);

-- Multipliers of a category's or a product's points, in percent; 0 % excludes it (gift cards, shipping).
CREATE TABLE loyalty.multiplier (
    id          uuid PRIMARY KEY,
    target_kind text NOT NULL CHECK (target_kind IN ('CATEGORY', 'SKU')),
    target      text NOT NULL,
    percent     integer NOT NULL CHECK (percent >= 0 AND percent <= 1000),
    UNIQUE (target_kind, target)
);

-- One account per profile; an absorbed profile's account names the survivor's while the merge stands.
-- owed: points reversed after they were spent, paid back by the next points earned.
CREATE TABLE loyalty.account (
    id           uuid PRIMARY KEY,
    profile_id   uuid NOT NULL UNIQUE,
    merged_into  uuid REFERENCES loyalty.account (id),
    owed         bigint NOT NULL DEFAULT 0 CHECK (owed >= 0),
    created_at   timestamptz NOT NULL
);

-- Every movement of points: what happened, once per reference (an order, a return, a till's key).
CREATE TABLE loyalty.movement (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES loyalty.account (id),
    kind        text NOT NULL,
    points      bigint NOT NULL,
    reference   text NOT NULL UNIQUE,
    channel     text,
    order_id    uuid,
    reason      text,
    staff_id    uuid,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX movement_account ON loyalty.movement (account_id, recorded_at DESC, id DESC);
CREATE INDEX movement_order ON loyalty.movement (order_id) WHERE order_id IS NOT NULL;

-- The double entry of each movement: its entries add up to zero. Books: MEMBER (an account's points),
-- ISSUED, REDEEMED, EXPIRED, ADJUSTED (the programme's side).
CREATE TABLE loyalty.entry (
    movement_id uuid NOT NULL REFERENCES loyalty.movement (id),
    book        text NOT NULL,
    account_id  uuid REFERENCES loyalty.account (id),
    points      bigint NOT NULL,
    CHECK ((book = 'MEMBER') = (account_id IS NOT NULL))
);
CREATE INDEX entry_movement ON loyalty.entry (movement_id);
CREATE INDEX entry_account ON loyalty.entry (account_id) WHERE account_id IS NOT NULL;

-- Points held, each lot with its expiry; spent nearest expiry first.
CREATE TABLE loyalty.lot (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES loyalty.account (id),
    movement_id uuid NOT NULL REFERENCES loyalty.movement (id),
    points      bigint NOT NULL CHECK (points > 0),
    remaining   bigint NOT NULL CHECK (remaining >= 0 AND remaining <= points),
    expires_at  timestamptz NOT NULL,
    -- the accounts it came from through merges, innermost first, so an unmerge hands back what is left
    merged_from uuid[] NOT NULL DEFAULT '{}'
);
CREATE INDEX lot_account ON loyalty.lot (account_id, expires_at, id);
CREATE INDEX lot_due ON loyalty.lot (expires_at) WHERE remaining > 0;
CREATE INDEX lot_movement ON loyalty.lot (movement_id);

-- Which lots a movement took points from, so a refund gives them back to the same lots.
CREATE TABLE loyalty.lot_use (
    movement_id uuid NOT NULL REFERENCES loyalty.movement (id),
    lot_id      uuid NOT NULL REFERENCES loyalty.lot (id),
    points      bigint NOT NULL CHECK (points > 0)
);
CREATE INDEX lot_use_movement ON loyalty.lot_use (movement_id);
CREATE INDEX lot_use_lot ON loyalty.lot_use (lot_id);

-- The points an order earned per SKU, so that returned units reverse exactly their share.
CREATE TABLE loyalty.earned_line (
    movement_id       uuid NOT NULL REFERENCES loyalty.movement (id),
    sku               text NOT NULL,
    quantity          integer NOT NULL CHECK (quantity > 0),
    points            bigint NOT NULL CHECK (points >= 0),
    returned_quantity integer NOT NULL DEFAULT 0,
    reversed_points   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (movement_id, sku)
);

-- A till's earn and burn, by the till's own idempotency key: a retry answers what the first call did.
CREATE TABLE loyalty.till_sync (
    channel         text NOT NULL,
    idempotency_key text NOT NULL,
    digest          text NOT NULL,
    account_id      uuid REFERENCES loyalty.account (id),
    earned          bigint NOT NULL DEFAULT 0,
    redeemed        bigint NOT NULL DEFAULT 0,
    refusal         text,
    local_time      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (channel, idempotency_key)
);
CREATE INDEX till_sync_account ON loyalty.till_sync (account_id);
