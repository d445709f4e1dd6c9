-- The language a member of staff reads the console in (her time zone is beside it since the staff-shop
-- migration); empty means the browser's language.
ALTER TABLE platform.staff_account ADD COLUMN language TEXT;
