-- The shop a member of staff works in, by its code (a stock location's code and its till's channel key); the
-- console offers it first wherever a location is chosen. Null for staff who work in no one shop.
ALTER TABLE platform.staff_account ADD COLUMN shop TEXT CHECK (shop ~ '^[a-z0-9][a-z0-9-]{0,62}$');
