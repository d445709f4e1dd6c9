-- The caller's idempotency key of a dispatch, e.g. a journey's instance, stage and step: a dispatch whose key
-- has a decision answers that decision and sends nothing.
ALTER TABLE messaging.decision ADD COLUMN dispatch_key TEXT;
CREATE UNIQUE INDEX decision_by_dispatch_key ON messaging.decision (dispatch_key) WHERE dispatch_key IS NOT NULL;
