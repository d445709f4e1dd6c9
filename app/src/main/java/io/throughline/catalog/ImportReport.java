package io.throughline.catalog;

import java.util.List;

/** What a synchronous load did: how many rows it created or updated, and the rows it refused. */
public record ImportReport(int loaded, List<ImportRowError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }
}
