-- Search runs on the weighted text-search document alone (words and word prefixes). The trigram index for
-- substring matches cost more on every bulk import than it gave to searches, so it goes.
DROP INDEX catalog.product_search_trgm_idx;
ALTER TABLE catalog.product DROP COLUMN search_text;
