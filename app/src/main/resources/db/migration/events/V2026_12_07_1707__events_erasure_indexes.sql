-- Erasure finds outbox rows of a customer that have not reached the log yet (the outbox is small and short-lived,
-- so a plain index on the profile is enough).
CREATE INDEX outbox_of_profile ON events.outbox (profile_id) WHERE profile_id IS NOT NULL;
