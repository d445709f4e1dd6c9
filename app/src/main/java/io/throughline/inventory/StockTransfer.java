package io.throughline.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Goods on their way from one location to another, or arrived there. */
public record StockTransfer(UUID id, UUID fromLocationId, UUID toLocationId, TransferState state,
        List<TransferLine> lines, @Nullable String reference, Instant dispatchedAt, @Nullable Instant receivedAt) {

    public StockTransfer {
        lines = List.copyOf(lines);
    }

    public int units() {
        return lines.stream().mapToInt(TransferLine::quantity).sum();
    }
}
