-- Where each contact point came from and whether it is verified. Addresses recorded before were stated by staff,
-- imports or the brand's own sources, so they count as verified; a browser or an app (a client-side source) only
-- ever fills an empty one, unverified.
ALTER TABLE customers.profile
    ADD COLUMN email_origin   TEXT,
    ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN phone_origin   TEXT,
    ADD COLUMN phone_verified BOOLEAN NOT NULL DEFAULT TRUE;

-- Traits stated by a client-side source are kept apart: they add what the profile lacks, and never become its
-- name or contact points over what a trusted source or staff said.
ALTER TABLE customers.trait ADD COLUMN trusted BOOLEAN NOT NULL DEFAULT TRUE;
