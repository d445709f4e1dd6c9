package io.throughline.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stock form as posted: where, under which reference, what was just scanned or typed, and the lines so far.
 * Quantities stay text so that whatever was typed comes back with its error.
 *
 * @param location    where the goods are counted or received, or leave from
 * @param destination where a transfer goes
 */
record StockLinesForm(@Nullable UUID location, @Nullable UUID destination, @Nullable String reference,
        @Nullable String scan, @Nullable List<Line> lines) {

    /** One SKU on the form with the quantity typed for it. */
    record Line(@Nullable String sku, @Nullable String quantity) {}

    static StockLinesForm empty(@Nullable UUID location) {
        return new StockLinesForm(location, null, "", "", List.of());
    }

    List<Line> linesOrEmpty() {
        List<Line> present = new ArrayList<>();
        if (lines != null) {
            // A binder fills gaps left by removed rows with nulls; they are not lines.
            lines.stream().filter(line -> line != null && line.sku() != null && !line.sku().isBlank())
                    .forEach(present::add);
        }
        return present;
    }

    String referenceOrEmpty() {
        return reference == null ? "" : reference.strip();
    }

    StockLinesForm withLines(List<Line> changed) {
        return new StockLinesForm(location, destination, reference, "", List.copyOf(changed));
    }
}
