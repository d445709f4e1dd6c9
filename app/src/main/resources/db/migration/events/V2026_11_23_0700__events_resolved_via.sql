-- The identifier through which identity resolution found the event's profile ("type:value"), so that an
-- undone merge can send each later event back to the side it came through.
ALTER TABLE events.event ADD COLUMN resolved_via TEXT;
