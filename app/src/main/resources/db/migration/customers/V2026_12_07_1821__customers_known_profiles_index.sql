-- The console lists customers without anonymous visitors by default; on a brand whose profiles are mostly
-- anonymous, walking the whole newest-first index to find the known ones would read them all.
CREATE INDEX profile_known_created_idx ON customers.profile (created_at DESC, id DESC)
    WHERE merged_into IS NULL
        AND (given_name IS NOT NULL OR family_name IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL);
