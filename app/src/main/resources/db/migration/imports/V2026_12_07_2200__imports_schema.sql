CREATE SCHEMA imports;

-- An import of order history: the file stays at stored_path until the import ends, so a restart resumes it after
-- the last committed line (lines_read). The mapping is kept as it was given.
CREATE TABLE imports.order_import
(
    id               UUID PRIMARY KEY,
    file_name        TEXT        NOT NULL,
    stored_path      TEXT        NOT NULL,
    size_bytes       BIGINT      NOT NULL,
    mapping          JSONB       NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    bytes_read       BIGINT      NOT NULL DEFAULT 0,
    lines_read       BIGINT      NOT NULL DEFAULT 0,
    orders_imported  INT         NOT NULL DEFAULT 0,
    returns_imported INT         NOT NULL DEFAULT 0,
    orders_skipped   INT         NOT NULL DEFAULT 0,
    lines_failed     INT         NOT NULL DEFAULT 0,
    products_created INT         NOT NULL DEFAULT 0,
    failure          TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX order_import_unfinished ON imports.order_import (created_at) WHERE state = 'RUNNING';

-- What an import could not take, line by line. Reasons name fields, never a customer's identifier.
CREATE TABLE imports.line_error
(
    import_id UUID   NOT NULL REFERENCES imports.order_import (id),
    line      BIGINT NOT NULL,
    field     TEXT   NOT NULL,
    reason    TEXT   NOT NULL,
    PRIMARY KEY (import_id, line, field)
);

-- Every order and return document ever imported, by the other system's number: written with the order in one
-- transaction, so no number is imported twice, by a repeat of a file or by an import resumed after a crash.
CREATE TABLE imports.imported_document
(
    number      TEXT PRIMARY KEY,
    kind        TEXT        NOT NULL CHECK (kind IN ('ORDER', 'RETURN')),
    order_id    UUID,
    import_id   UUID        NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);
