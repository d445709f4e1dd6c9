package io.throughline.catalog;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One CSV import and its progress.
 *
 * @param totalRows  data rows in the file (0 until the file is read)
 * @param rowsDone   rows handled so far, loaded or refused
 * @param failure    why the import stopped, when its status is FAILED
 */
public record ImportJob(UUID id, ImportStatus status, String fileName, int totalRows, int rowsDone, int rowsLoaded,
        int rowsFailed, @Nullable String failure, Instant createdAt, @Nullable Instant finishedAt) {}
