-- Records that the demo customers' orders were placed, so a restart never places them twice; a brand loaded
-- before orders existed has no row here and gets its orders on the next start.
CREATE TABLE demo.orders_load
(
    brand     TEXT PRIMARY KEY,
    loaded_at TIMESTAMPTZ NOT NULL,
    orders    INT
);
