package io.throughline.imports.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one order or one return document, as they came together in the file.
 *
 * @param number the document's number: the order number, or for returned lines of an order that negative
 *               quantities mark, the order number with {@code /return}
 */
record Document(String number, boolean returned, List<ImportedLine> lines) {

    static Document of(ImportedLine first, boolean prefixMarksReturns) {
        String number = first.returned() && !prefixMarksReturns ? first.orderNumber() + "/return"
                : first.orderNumber();
        List<ImportedLine> lines = new ArrayList<>();
        lines.add(first);
        return new Document(number, first.returned(), lines);
    }

    long firstLine() {
        return lines.getFirst().line();
    }

    long lastLine() {
        return lines.getLast().line();
    }

    ImportedLine head() {
        return lines.getFirst();
    }
}
