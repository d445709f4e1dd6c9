-- Every state an order has been in, oldest first: when it got there and through which channel (a shop's code
-- for its fulfilment steps, console for staff working in the console). Orders placed before the history was
-- kept get their placement and, when they have moved on since, their present state with no channel.
CREATE TABLE orders.order_transition
(
    order_id UUID        NOT NULL REFERENCES orders.placed_order (id),
    seq      INT         NOT NULL,
    state    TEXT        NOT NULL,
    channel  TEXT,
    at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, seq)
);

INSERT INTO orders.order_transition (order_id, seq, state, channel, at)
SELECT id, 1, CASE WHEN delivery = 'COUNTER' THEN 'PICKED_UP' ELSE 'PLACED' END, channel, placed_at
  FROM orders.placed_order;

INSERT INTO orders.order_transition (order_id, seq, state, channel, at)
SELECT id, 2, state, NULL, updated_at
  FROM orders.placed_order
 WHERE state <> CASE WHEN delivery = 'COUNTER' THEN 'PICKED_UP' ELSE 'PLACED' END;
