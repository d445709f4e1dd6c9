package io.throughline.catalog.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Category slugs and paths from names, so that "Wines/Tokaji/Aszú" and {@code wines/tokaji/aszu} name one category. */
final class Slugs {

    private Slugs() {}

    /** Lower-case ASCII letters and digits separated by single dashes; empty when nothing of the name survives. */
    static String of(String name) {
        return folded(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The slug path of a slash-separated path of names or slugs. */
    static String pathOf(String namePath) {
        return Arrays.stream(namePath.split("/")).map(String::strip).filter(segment -> !segment.isEmpty())
                .map(Slugs::of).collect(Collectors.joining("/"));
    }

    /** Lower case without accents: decomposed (NFD) with the combining marks dropped. */
    static String folded(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
