package io.throughline.catalog;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.List;
import java.util.UUID;

/**
 * Bulk loading of products: CSV files in the background, and typed rows at once. A row's SKU decides whether
 * it creates a product or updates the one that has the SKU; bad rows are refused one by one and never stop
 * the good ones.
 */
public interface CatalogueImports {

    /** Starts importing a CSV file (see docs/API.md for its columns) and returns at once. */
    ImportJob start(String fileName, String csv);

    ImportJob get(UUID id);

    Page<ImportJob> list(PageRequest page);

    /** The refused rows of an import, in line order. */
    Page<ImportRowError> errors(UUID id, PageRequest page);

    /** Loads rows now, in the caller's thread. */
    ImportReport load(List<ProductRow> rows);
}
