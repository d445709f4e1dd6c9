CREATE SCHEMA customers;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Case- and accent-insensitive form of a text, so that "szabo" finds "Szabó". unaccent() itself is only
-- STABLE (its dictionary could change); naming the dictionary lets this wrapper be IMMUTABLE and indexed.
CREATE FUNCTION customers.folded(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- One row per customer profile. Contact details are stored normalised (lower-case email, E.164 phone)
-- so that every channel finds the same customer by them.
CREATE TABLE customers.profile
(
    id          UUID PRIMARY KEY,
    given_name  TEXT,
    family_name TEXT,
    email       TEXT,
    phone       TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    search_text TEXT GENERATED ALWAYS AS (customers.folded(
        coalesce(given_name, '') || ' ' || coalesce(family_name, '') || ' ' || coalesce(email, '') || ' ' ||
        coalesce(phone, ''))) STORED
);
CREATE UNIQUE INDEX profile_email_key ON customers.profile (email) WHERE email IS NOT NULL;
CREATE INDEX profile_phone_idx ON customers.profile (phone) WHERE phone IS NOT NULL;
CREATE INDEX profile_search_idx ON customers.profile USING gin (search_text gin_trgm_ops);
CREATE INDEX profile_created_idx ON customers.profile (created_at DESC, id DESC);
