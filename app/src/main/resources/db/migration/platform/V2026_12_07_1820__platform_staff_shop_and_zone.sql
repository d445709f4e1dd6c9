-- The shop a member of staff works in (a stock location's id, without a foreign key: inventory owns it) and
-- the time zone she reads times in; both optional, the brand's zone applies when none is set.
ALTER TABLE platform.staff_account
    ADD COLUMN shop_id   UUID,
    ADD COLUMN time_zone TEXT;
