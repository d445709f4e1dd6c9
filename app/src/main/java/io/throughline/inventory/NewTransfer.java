package io.throughline.inventory;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Goods to dispatch from one location to another.
 *
 * @param reference what the goods travel under, e.g. a delivery note number
 */
public record NewTransfer(UUID fromLocationId, UUID toLocationId, List<TransferLine> lines,
        @Nullable String reference) {

    public NewTransfer {
        lines = List.copyOf(lines);
    }
}
