CREATE SCHEMA carts;

-- A cart belongs to an anonymous shopper (anonymous_id) or to a customer profile (profile_id), never to a
-- channel: any channel that knows its id, or claims its handoff code, works on the same row. expires_at is
-- when its stock holds lapse unless the shopper does something; the cart itself stays open after that.
CREATE TABLE carts.cart
(
    id                 UUID PRIMARY KEY,
    anonymous_id       TEXT,
    profile_id         UUID,
    state              TEXT        NOT NULL CHECK (state IN ('OPEN', 'MERGED', 'CHECKED_OUT', 'CLOSED')),
    currency           TEXT        NOT NULL,
    merged_into        UUID REFERENCES carts.cart (id),
    fulfilment         TEXT CHECK (fulfilment IN ('DELIVERY', 'PICKUP')),
    pickup_location_id UUID,
    created_channel    TEXT        NOT NULL,
    last_channel       TEXT        NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CHECK (anonymous_id IS NOT NULL OR profile_id IS NOT NULL),
    CHECK ((fulfilment = 'PICKUP') = (pickup_location_id IS NOT NULL)),
    CHECK ((state = 'MERGED') = (merged_into IS NOT NULL))
);

-- One open cart per customer: the cart every channel finds for her.
CREATE UNIQUE INDEX cart_open_per_profile ON carts.cart (profile_id) WHERE state = 'OPEN' AND profile_id IS NOT NULL;
CREATE INDEX cart_open_per_anonymous_id ON carts.cart (anonymous_id) WHERE state = 'OPEN' AND profile_id IS NULL;

-- One line per SKU, with the inventory reservation that holds its stock (reference cart:<id>) and where.
CREATE TABLE carts.line
(
    cart_id         UUID        NOT NULL REFERENCES carts.cart (id),
    sku             TEXT        NOT NULL,
    quantity        INT         NOT NULL CHECK (quantity >= 1),
    location_id     UUID,
    reservation_id  UUID,
    hold_expires_at TIMESTAMPTZ,
    added_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cart_id, sku)
);

CREATE TABLE carts.coupon
(
    cart_id  UUID        NOT NULL REFERENCES carts.cart (id),
    code     TEXT        NOT NULL,
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cart_id, code)
);

-- Short codes that move a cart to a till or another device. A code is unique while it lives; an expired
-- code may be issued again (the insert takes over its row).
CREATE TABLE carts.handoff
(
    code            TEXT PRIMARY KEY,
    cart_id         UUID        NOT NULL REFERENCES carts.cart (id),
    issued_channel  TEXT        NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    claimed_at      TIMESTAMPTZ,
    claimed_channel TEXT
);
CREATE INDEX handoff_by_cart ON carts.handoff (cart_id, created_at DESC);
