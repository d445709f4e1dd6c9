package io.throughline.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import of order history and how far it got.
 *
 * @param bytesRead      how much of the file (as stored, compressed or not) has been read; with {@code sizeBytes}
 *                       the progress
 * @param linesRead      lines read and settled: imported, skipped or reported
 * @param ordersSkipped  orders (and returns) whose number was imported before, left as they were
 * @param linesFailed    lines reported in the error report
 */
public record OrderImport(UUID id, String fileName, ImportState state, long sizeBytes, long bytesRead,
        long linesRead, int ordersImported, int returnsImported, int ordersSkipped, int linesFailed,
        int productsCreated, @Nullable String failure, Instant createdAt, @Nullable Instant finishedAt) {

    /** Progress in percent, by bytes. */
    @JsonProperty("percent")
    public int percent() {
        if (state == ImportState.DONE) {
            return 100;
        }
        return sizeBytes == 0 ? 0 : (int) Math.min(99, bytesRead * 100 / sizeBytes);
    }
}
