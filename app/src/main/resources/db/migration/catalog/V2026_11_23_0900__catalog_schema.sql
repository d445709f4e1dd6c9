CREATE SCHEMA catalog;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Case- and accent-insensitive form of a text, so that "harslevelu" finds "Hárslevelű". Naming the
-- dictionary lets this wrapper be IMMUTABLE, so generated columns and indexes may use it.
CREATE FUNCTION catalog.folded(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- Categories form a tree. path is the slugs from the root ("wines/tokaji/aszu"); ancestor_ids holds the ids
-- from the root down to the category itself, so that "every category of a product with its ancestors" is
-- one unnest rather than a recursive query on every read. Categories are not moved, so it never goes stale.
CREATE TABLE catalog.category
(
    id           UUID PRIMARY KEY,
    parent_id    UUID REFERENCES catalog.category (id),
    slug         TEXT        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name         TEXT        NOT NULL,
    path         TEXT        NOT NULL UNIQUE,
    ancestor_ids UUID[]      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX category_parent_idx ON catalog.category (parent_id);

-- A product is what a shopper recognises ("Tokaji Aszú 5 puttonyos 2017, Szarvas"); its variants are what
-- is sold and stocked. attributes is a JSON array of {"name","value"} objects. search_extra carries the
-- words of the variants (SKUs, GTINs, attribute values) so that one generated document covers both.
CREATE TABLE catalog.product
(
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL,
    description  TEXT        NOT NULL DEFAULT '',
    attributes   JSONB       NOT NULL DEFAULT '[]',
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    search_extra TEXT        NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    search_document TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', catalog.folded(name)), 'A') ||
        setweight(to_tsvector('simple', catalog.folded(search_extra)), 'B') ||
        setweight(to_tsvector('simple', catalog.folded(description)), 'C')) STORED,
    search_text  TEXT GENERATED ALWAYS AS (catalog.folded(name || ' ' || search_extra)) STORED
);
CREATE INDEX product_search_idx ON catalog.product USING gin (search_document);
CREATE INDEX product_search_trgm_idx ON catalog.product USING gin (search_text gin_trgm_ops);
CREATE INDEX product_created_idx ON catalog.product (created_at DESC, id DESC);

-- One sellable, stockable variant. The SKU is stored upper-case (see Sku); a GTIN, when given, names one
-- variant only, because tills look variants up by the barcode.
CREATE TABLE catalog.variant
(
    id         UUID PRIMARY KEY,
    product_id UUID        NOT NULL REFERENCES catalog.product (id),
    sku        TEXT        NOT NULL UNIQUE CHECK (sku = upper(sku)),
    gtin       TEXT CHECK (gtin ~ '^([0-9]{8}|[0-9]{12,14})$'),
    name       TEXT        NOT NULL,
    attributes JSONB       NOT NULL DEFAULT '[]',
    position   INT         NOT NULL,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX variant_product_idx ON catalog.variant (product_id, position);
CREATE UNIQUE INDEX variant_gtin_key ON catalog.variant (gtin) WHERE gtin IS NOT NULL;

CREATE TABLE catalog.product_category
(
    product_id  UUID NOT NULL REFERENCES catalog.product (id),
    category_id UUID NOT NULL REFERENCES catalog.category (id),
    PRIMARY KEY (product_id, category_id)
);
CREATE INDEX product_category_category_idx ON catalog.product_category (category_id);

CREATE TABLE catalog.image
(
    product_id UUID NOT NULL REFERENCES catalog.product (id),
    position   INT  NOT NULL,
    url        TEXT NOT NULL CHECK (url ~* '^https?://'),
    alt_text   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (product_id, position)
);

-- Which channels sell a product, from when and until when (exclusive). A product without rows is sold on
-- no channel: putting it on sale is a decision, never a default.
CREATE TABLE catalog.assortment
(
    product_id      UUID        NOT NULL REFERENCES catalog.product (id),
    channel         TEXT        NOT NULL CHECK (channel ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    available_from  TIMESTAMPTZ NOT NULL,
    available_until TIMESTAMPTZ CHECK (available_until > available_from),
    PRIMARY KEY (product_id, channel)
);
CREATE INDEX assortment_channel_idx ON catalog.assortment (channel, product_id);
