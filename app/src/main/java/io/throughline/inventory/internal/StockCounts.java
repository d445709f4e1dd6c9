package io.throughline.inventory.internal;

import java.io.Reader;

/**
 * Stock counts imported as CSV with the header {@code sku,location,counted} (location is the location's
 * code). Each good row is applied in its own transaction, so bad rows do not hold back the good ones.
 */
public interface StockCounts {

    CountImportReport importCsv(Reader csv);
}
