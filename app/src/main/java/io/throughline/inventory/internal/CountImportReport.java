package io.throughline.inventory.internal;

import java.util.List;

/** The outcome of a stock-count import: rows applied, and each refused row with its line number and why. */
public record CountImportReport(int applied, List<RowError> errors) {

    /** {@code line} counts from 1 and includes the header line. */
    public record RowError(long line, String field, String message) {}

    public CountImportReport {
        errors = List.copyOf(errors);
    }
}
