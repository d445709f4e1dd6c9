CREATE SCHEMA recommendations;

-- What each customer did with each product, as the recommendations processor read it from the event log: one row
-- per product of an event (seq, idx), so reading an event twice writes nothing twice. basket groups the products
-- of one order (its id) or of one day's browsing; region is the country an order was sold to, when known.
CREATE TABLE recommendations.interaction
(
    seq        BIGINT      NOT NULL,
    idx        INT         NOT NULL,
    profile_id UUID        NOT NULL,
    sku        TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('VIEW', 'CART', 'PURCHASE', 'RETURN')),
    quantity   INT         NOT NULL,
    channel    TEXT        NOT NULL,
    region     TEXT,
    basket     TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (seq, idx)
);
CREATE INDEX interaction_of_profile ON recommendations.interaction (profile_id);
