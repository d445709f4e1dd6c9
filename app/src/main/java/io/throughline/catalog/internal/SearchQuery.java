package io.throughline.catalog.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A shopper's or a merchandiser's words as a PostgreSQL text query: folded like the stored document (lower
 * case, no accents), reduced to letters and digits so that nothing typed can be read as query syntax, every
 * word required and matched as a prefix ("tokaji asz" finds "Tokaji Aszú").
 */
final class SearchQuery {

    static final int MAX_WORDS = 10;

    private SearchQuery() {}

    /** The {@code to_tsquery('simple', …)} text, or empty when the words hold no letter or digit. */
    static String tsQuery(String words) {
        return Arrays.stream(Slugs.folded(words).split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty())
                .limit(MAX_WORDS)
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
    }
}
