-- The address an SMS or WhatsApp message came from (a phone number), which an answer on that medium goes back to.
ALTER TABLE service.message ADD COLUMN sender_address text;
