-- The language a member of staff reads the console in (a language tag such as hu); empty means the browser's.
-- Her time zone is platform.staff_account.time_zone, which she may now choose herself as well.
ALTER TABLE platform.staff_account ADD COLUMN language TEXT;
