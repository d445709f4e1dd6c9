-- Each run of the retention job: when, and how many rows it removed from each table (counts only, nothing about
-- whom), with the tables it could not sweep.
CREATE TABLE privacy.retention_run
(
    id          UUID PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    started_by  UUID,
    removed     JSONB       NOT NULL,
    failed      JSONB       NOT NULL
);
CREATE INDEX retention_run_newest ON privacy.retention_run (started_at DESC);
CREATE INDEX access_log_accessed_idx ON privacy.access_log (accessed_at);
