-- A source's trust level: CLIENT for write keys that ship inside browser pages and apps (anyone can read them),
-- SERVER for keys kept on the brand's own servers, tills and contact centre. Existing sources get the level
-- their channel type usually has; an administrator can change it.
ALTER TABLE tracking.source ADD COLUMN trust TEXT;
UPDATE tracking.source SET trust = CASE WHEN channel_type IN ('WEB', 'APP', 'KIOSK', 'CHAT') THEN 'CLIENT'
    ELSE 'SERVER' END;
ALTER TABLE tracking.source ALTER COLUMN trust SET NOT NULL;

-- The secret with which the brand's server signs user ids for this source's clients (HMAC-SHA256). It must be
-- readable to check a signature, so it is stored as issued; it grants nothing but vouching for a sign-in.
ALTER TABLE tracking.source ADD COLUMN user_id_secret TEXT;
