CREATE SCHEMA orders;

-- One row per checkout attempt, keyed by the caller's idempotency key: a repeat of the key finds this row and
-- gets the same outcome (the order, or the refusal with its status); request_hash tells a repeat from a reuse
-- of the key for another request. STARTED rows older than the process are settled by reconciliation.
CREATE TABLE orders.checkout
(
    id              UUID PRIMARY KEY,
    idempotency_key TEXT        NOT NULL UNIQUE,
    request_hash    TEXT        NOT NULL,
    cart_id         UUID        NOT NULL,
    channel         TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('STARTED', 'PLACED', 'REFUSED')),
    order_id        UUID,
    outcome_status  INT,
    outcome_type    TEXT,
    outcome_field   TEXT,
    outcome_detail  TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX checkout_unfinished ON orders.checkout (updated_at) WHERE state = 'STARTED';

CREATE SEQUENCE orders.order_number START 100001;

-- An order keeps the quote it was sold at: its lines below, its adjustments (with their reasons) as JSON.
-- address is personal data (a delivery address) and only set for delivered orders.
CREATE TABLE orders.placed_order
(
    id                 UUID PRIMARY KEY,
    number             TEXT        NOT NULL UNIQUE,
    state              TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    cart_id            UUID        NOT NULL UNIQUE,
    checkout_id        UUID        NOT NULL REFERENCES orders.checkout (id),
    profile_id         UUID,
    anonymous_id       TEXT,
    currency           TEXT        NOT NULL,
    delivery           TEXT        NOT NULL,
    pickup_location_id UUID,
    address            JSONB,
    adjustments        JSONB       NOT NULL,
    coupons            TEXT[]      NOT NULL,
    subtotal_minor     BIGINT      NOT NULL,
    discount_minor     BIGINT      NOT NULL,
    total_minor        BIGINT      NOT NULL,
    placed_at          TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX placed_order_of_profile ON orders.placed_order (profile_id, placed_at DESC) WHERE profile_id IS NOT NULL;

CREATE TABLE orders.order_line
(
    order_id          UUID   NOT NULL REFERENCES orders.placed_order (id),
    idx               INT    NOT NULL,
    sku               TEXT   NOT NULL,
    product_id        UUID,
    name              TEXT   NOT NULL,
    quantity          INT    NOT NULL CHECK (quantity >= 1),
    unit_price_minor  BIGINT NOT NULL,
    subtotal_minor    BIGINT NOT NULL,
    discount_minor    BIGINT NOT NULL,
    total_minor       BIGINT NOT NULL,
    returned_quantity INT    NOT NULL DEFAULT 0 CHECK (returned_quantity BETWEEN 0 AND quantity),
    PRIMARY KEY (order_id, idx)
);

-- The part of an order fulfilled from one location; its lines name the inventory reservations (allocations)
-- that hold their stock until they are sold (shipped, picked up) or released (cancelled).
CREATE TABLE orders.shipment
(
    id              UUID PRIMARY KEY,
    order_id        UUID        NOT NULL REFERENCES orders.placed_order (id),
    location_id     UUID        NOT NULL,
    location_code   TEXT        NOT NULL,
    state           TEXT        NOT NULL,
    tracking_number TEXT,
    pickup_code     TEXT,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (order_id, location_id)
);
CREATE INDEX shipment_at_location ON orders.shipment (location_id, state);

CREATE TABLE orders.shipment_line
(
    shipment_id    UUID NOT NULL REFERENCES orders.shipment (id),
    sku            TEXT NOT NULL,
    quantity       INT  NOT NULL CHECK (quantity >= 1),
    reservation_id UUID NOT NULL,
    PRIMARY KEY (shipment_id, sku)
);

-- A payment belongs to its checkout from the moment it is asked for, and to the order once it is placed:
-- reconciliation looks for payments that never got an order, and orders whose payment was never captured.
CREATE TABLE orders.payment
(
    id                  UUID PRIMARY KEY,
    checkout_id         UUID        NOT NULL REFERENCES orders.checkout (id),
    order_id            UUID REFERENCES orders.placed_order (id),
    method              TEXT        NOT NULL,
    state               TEXT        NOT NULL,
    amount_minor        BIGINT      NOT NULL,
    refunded_minor      BIGINT      NOT NULL DEFAULT 0,
    currency            TEXT        NOT NULL,
    processor_reference TEXT,
    card_last4          TEXT,
    decline_reason      TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_of_order ON orders.payment (order_id);
CREATE INDEX payment_of_checkout ON orders.payment (checkout_id);
CREATE INDEX payment_unsettled ON orders.payment (state) WHERE state IN ('AUTHORISING', 'AUTHORISED');

CREATE TABLE orders.order_return
(
    id           UUID PRIMARY KEY,
    order_id     UUID        NOT NULL REFERENCES orders.placed_order (id),
    channel      TEXT        NOT NULL,
    location_id  UUID        NOT NULL,
    profile_id   UUID,
    refund_to    TEXT        NOT NULL,
    refund_minor BIGINT      NOT NULL,
    currency     TEXT        NOT NULL,
    reason       TEXT,
    accepted_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_return_of_order ON orders.order_return (order_id);
CREATE INDEX order_return_at_location ON orders.order_return (location_id, accepted_at DESC);

CREATE TABLE orders.return_line
(
    return_id    UUID   NOT NULL REFERENCES orders.order_return (id),
    sku          TEXT   NOT NULL,
    quantity     INT    NOT NULL CHECK (quantity >= 1),
    refund_minor BIGINT NOT NULL,
    PRIMARY KEY (return_id, sku)
);

-- Store credit: one balance per customer and currency, raised by refunds to store credit.
CREATE TABLE orders.store_credit
(
    profile_id    UUID        NOT NULL,
    currency      TEXT        NOT NULL,
    balance_minor BIGINT      NOT NULL CHECK (balance_minor >= 0),
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (profile_id, currency)
);

-- The test card processor's own records, standing in for a provider's side of the line: they outlive a crash
-- of ours, so tests can check that nothing stays captured or authorised without an order.
CREATE TABLE orders.test_card_charge
(
    reference      TEXT PRIMARY KEY,
    card_last4     TEXT        NOT NULL,
    amount_minor   BIGINT      NOT NULL,
    currency       TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('AUTHORISED', 'CAPTURED', 'VOIDED')),
    refunded_minor BIGINT      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
