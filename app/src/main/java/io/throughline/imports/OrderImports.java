package io.throughline.imports;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Imports of order history from CSV files (plain or gzip-compressed). The file is kept until its import ends, so
 * an import interrupted by a crash resumes where its last batch committed; an order number is imported once, by
 * any number of imports of the same or overlapping files.
 */
public interface OrderImports {

    /**
     * Stores the file, checks the mapping against its header, and starts importing in the background.
     *
     * @throws io.throughline.platform.InvalidRequestException naming the mapping's field (e.g.
     *                                                         {@code mapping.columns.sku}) or {@code file}
     */
    OrderImport start(String fileName, InputStream file, OrderImportMapping mapping) throws IOException;

    OrderImport get(UUID id);

    Page<OrderImport> list(PageRequest page);

    /** The lines an import reported, in line order. */
    Page<ImportLineError> errors(UUID id, PageRequest page);
}
