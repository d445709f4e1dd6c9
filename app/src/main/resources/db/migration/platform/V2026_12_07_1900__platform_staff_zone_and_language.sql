-- The time zone and language a member of staff reads the console in; empty means the brand's zone and the
-- browser's language.
ALTER TABLE platform.staff_account ADD COLUMN time_zone TEXT;
ALTER TABLE platform.staff_account ADD COLUMN language TEXT;
