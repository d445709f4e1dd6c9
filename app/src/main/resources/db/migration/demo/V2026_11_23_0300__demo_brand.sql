CREATE SCHEMA demo;

-- Records that the demo brand was loaded, so a restart never loads it twice.
CREATE TABLE demo.load
(
    brand     TEXT PRIMARY KEY,
    loaded_at TIMESTAMPTZ NOT NULL,
    customers INT         NOT NULL
);
