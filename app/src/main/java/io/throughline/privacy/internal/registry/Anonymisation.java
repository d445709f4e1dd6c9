package io.throughline.privacy.internal.registry;

import java.util.Locale;

/** What an anonymised column is overwritten with. Each is one SQL expression, the same for every row. */
public enum Anonymisation {
    /** Cleared. */
    NULL("NULL"),
    /** The word {@code erased}, for text columns that may not be empty. */
    ERASED("'erased'"),
    /** The nil UUID: the row still says a customer was involved, not which. */
    NIL_UUID("'00000000-0000-0000-0000-000000000000'::uuid"),
    /** A new random UUID per row: rows stay apart (a key needs them apart) but lead to nobody. */
    RANDOM_UUID("gen_random_uuid()"),
    /** An empty JSON object. */
    EMPTY_OBJECT("'{}'::jsonb"),
    /** An empty JSON array. */
    EMPTY_ARRAY("'[]'::jsonb"),
    /** Four zeros, for fixed-width digits such as a card's last four. */
    ZEROS("'0000'");

    private final String sql;

    Anonymisation(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    static Anonymisation parse(String text, String where) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(where + ": unknown anonymisation '" + text + "'");
        }
    }
}
