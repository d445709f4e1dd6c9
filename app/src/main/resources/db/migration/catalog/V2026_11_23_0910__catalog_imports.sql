-- A CSV import runs in the background; staff follow its progress and read the rows it refused.
CREATE TABLE catalog.import_job
(
    id          UUID PRIMARY KEY,
    status      TEXT        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    file_name   TEXT        NOT NULL,
    total_rows  INT         NOT NULL DEFAULT 0,
    rows_done   INT         NOT NULL DEFAULT 0,
    rows_loaded INT         NOT NULL DEFAULT 0,
    rows_failed INT         NOT NULL DEFAULT 0,
    failure     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
CREATE INDEX import_job_created_idx ON catalog.import_job (created_at DESC);

-- One refused row: its line in the file (the header is line 1) and the first reason found.
CREATE TABLE catalog.import_error
(
    import_id UUID NOT NULL REFERENCES catalog.import_job (id),
    line      BIGINT NOT NULL,
    sku       TEXT,
    field     TEXT NOT NULL,
    reason    TEXT NOT NULL,
    PRIMARY KEY (import_id, line)
);
