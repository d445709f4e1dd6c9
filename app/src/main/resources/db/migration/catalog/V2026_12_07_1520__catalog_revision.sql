-- The catalogue's revision: every statement that writes products, variants, categories or their links moves it,
-- so that nodes holding catalogue items in memory know to read them again. The trigger runs before the
-- statement, so a writing transaction takes this row's lock before any catalogue row's, and concurrent writers
-- queue here rather than deadlock.
CREATE TABLE catalog.revision
(
    id      INT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalog.revision (id, version) VALUES (1, 0);

CREATE FUNCTION catalog.revised() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE catalog.revision SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER product_revised BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.product
    FOR EACH STATEMENT EXECUTE FUNCTION catalog.revised();
CREATE TRIGGER variant_revised BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.variant
    FOR EACH STATEMENT EXECUTE FUNCTION catalog.revised();
CREATE TRIGGER category_revised BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.category
    FOR EACH STATEMENT EXECUTE FUNCTION catalog.revised();
CREATE TRIGGER product_category_revised BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.product_category
    FOR EACH STATEMENT EXECUTE FUNCTION catalog.revised();
