CREATE SCHEMA pricing;

-- Bumped in the transaction of every change to lists, prices, promotions or coupon batches, so that each node
-- notices on its next quote that its in-memory snapshot is stale.
CREATE TABLE pricing.revision
(
    id      INT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO pricing.revision (id, version) VALUES (1, 0);

-- A price list: one currency, some channels (empty: all), one customer group (NULL: everyone), a date range.
CREATE TABLE pricing.price_list
(
    id             UUID PRIMARY KEY,
    name           TEXT        NOT NULL,
    currency       CHAR(3)     NOT NULL,
    channels       TEXT[]      NOT NULL,
    customer_group TEXT,
    valid_from     TIMESTAMPTZ,
    valid_until    TIMESTAMPTZ,
    priority       INT         NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from)
);

CREATE TABLE pricing.price_entry
(
    price_list_id UUID   NOT NULL REFERENCES pricing.price_list (id) ON DELETE CASCADE,
    sku           TEXT   NOT NULL,
    amount_minor  BIGINT NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (price_list_id, sku)
);

-- Reward and conditions are values the quote engine reads whole, so they are stored as JSON; the limits and
-- what has been used are columns, because redemption updates them atomically.
CREATE TABLE pricing.promotion
(
    id                 UUID PRIMARY KEY,
    name               TEXT        NOT NULL,
    description        TEXT,
    reward             JSONB       NOT NULL,
    conditions         JSONB       NOT NULL,
    stacking           TEXT        NOT NULL,
    priority           INT         NOT NULL,
    coupon_required    BOOLEAN     NOT NULL,
    per_customer_limit INT CHECK (per_customer_limit > 0),
    budget_count       INT CHECK (budget_count > 0),
    budget_minor       BIGINT CHECK (budget_minor > 0),
    budget_currency    CHAR(3),
    used_count         INT         NOT NULL DEFAULT 0,
    used_minor         BIGINT      NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CHECK (budget_count IS NULL OR used_count <= budget_count),
    CHECK (budget_minor IS NULL OR used_minor <= budget_minor)
);

-- A batch of coupon codes for one promotion: one shared code, or unique codes generated up front.
CREATE TABLE pricing.coupon_batch
(
    id           UUID PRIMARY KEY,
    promotion_id UUID        NOT NULL REFERENCES pricing.promotion (id),
    name         TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('SHARED', 'UNIQUE')),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX coupon_batch_promotion_idx ON pricing.coupon_batch (promotion_id);

-- Every code, shared or unique, upper-case. A unique code may be granted to one customer (by a channel), and is
-- used up by its first redemption; a shared code is never used up.
CREATE TABLE pricing.coupon_code
(
    code            TEXT PRIMARY KEY,
    batch_id        UUID        NOT NULL REFERENCES pricing.coupon_batch (id),
    customer_id     UUID,
    granted_channel TEXT,
    granted_at      TIMESTAMPTZ,
    redeemed_at     TIMESTAMPTZ,
    redemption_id   UUID
);
CREATE INDEX coupon_code_batch_idx ON pricing.coupon_code (batch_id, customer_id);
CREATE INDEX coupon_code_customer_idx ON pricing.coupon_code (customer_id) WHERE customer_id IS NOT NULL;

-- A redemption uses up what a priced cart applied; the reference (an order number) makes it idempotent.
CREATE TABLE pricing.redemption
(
    id             UUID PRIMARY KEY,
    reference      TEXT        NOT NULL UNIQUE,
    customer_id    UUID,
    channel        TEXT        NOT NULL,
    currency       CHAR(3)     NOT NULL,
    total_minor    BIGINT      NOT NULL,
    discount_minor BIGINT      NOT NULL,
    quote          JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE pricing.redemption_adjustment
(
    redemption_id UUID   NOT NULL REFERENCES pricing.redemption (id),
    promotion_id  UUID   NOT NULL REFERENCES pricing.promotion (id),
    coupon_code   TEXT,
    amount_minor  BIGINT NOT NULL,
    PRIMARY KEY (redemption_id, promotion_id)
);
CREATE INDEX redemption_adjustment_promotion_idx ON pricing.redemption_adjustment (promotion_id);

-- How many times each customer has redeemed each promotion, for per-customer limits.
CREATE TABLE pricing.customer_use
(
    promotion_id UUID NOT NULL REFERENCES pricing.promotion (id),
    customer_id  UUID NOT NULL,
    uses         INT  NOT NULL CHECK (uses > 0),
    PRIMARY KEY (promotion_id, customer_id)
);
