package io.throughline.inventory;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** The warehouses and shops that hold stock. */
public interface StockLocations {

    StockLocation create(NewStockLocation location);

    /** Replaces the details of the location; its id and stock stay. */
    StockLocation update(UUID id, NewStockLocation location);

    StockLocation get(UUID id);

    Optional<StockLocation> findByCode(String code);

    /** Ordered by name. */
    Page<StockLocation> list(PageRequest page);
}
