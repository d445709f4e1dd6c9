package io.throughline.inventory;

import io.throughline.catalog.Sku;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The movement ledger per SKU and location, from which on-hand is derived. On-hand never goes below zero:
 * a movement that would take it there is refused.
 */
public interface StockLedger {

    StockMovement record(NewMovement movement);

    /**
     * Many receipts, sales, returns and adjustments in one transaction and a handful of statements (initial
     * stock, a day's deliveries); all are refused if one is.
     */
    List<StockMovement> recordAll(List<NewMovement> movements);

    /** Both legs in one transaction: out of one location, into the other. */
    List<StockMovement> transfer(Sku sku, UUID fromLocationId, UUID toLocationId, int quantity,
            @Nullable String reference);

    /** Sets on-hand to the counted quantity by recording the difference (possibly zero, as proof of the count). */
    StockMovement count(Sku sku, UUID locationId, int counted, @Nullable String reference);

    /**
     * A count of a shelf or a whole location: each SKU's on-hand is set to what was counted, all in one
     * transaction, and refused as a whole when one line is wrong (the field names the line, e.g.
     * {@code lines[2].counted}). A SKU may appear only once.
     */
    List<StockMovement> countAll(UUID locationId, List<CountedStock> lines, @Nullable String reference);

    StockLevel level(Sku sku, UUID locationId);

    /** The SKU's stock at every location that has ever held it, by location code. */
    List<StockLevel> levels(Sku sku);

    /** Newest first. */
    Page<StockMovement> movements(Sku sku, UUID locationId, PageRequest page);
}
