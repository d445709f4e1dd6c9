-- The time zone a member of staff reads times in; the brand's zone applies when none is set.
ALTER TABLE platform.staff_account ADD COLUMN time_zone TEXT;
