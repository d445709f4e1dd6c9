package io.throughline.privacy.internal.registry;

import java.util.List;
import java.util.Map;

/** How a table's rows lead to the person. */
public sealed interface PersonLink {

    /**
     * The rows name her: a column holds one of her profile ids, or one of her identifier values (a text column, or
     * a text array that contains one).
     */
    record Direct(List<String> profileColumns, List<String> identifierColumns) implements PersonLink {
        public Direct {
            profileColumns = List.copyOf(profileColumns);
            identifierColumns = List.copyOf(identifierColumns);
        }
    }

    /** The rows belong to rows of another table that lead to her: {@code on} maps this table's columns to its. */
    record Via(String table, Map<String, String> on) implements PersonLink {
        public Via {
            // In the registry's order: the first column is the one searched by (and indexed).
            on = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(on));
        }
    }

    /** The rows do not lead to anyone (tables without personal data, or kept whole without a way to find hers). */
    record None() implements PersonLink {}
}
