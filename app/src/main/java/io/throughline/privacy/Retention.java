package io.throughline.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Retention: how long each kind of record is kept, in one place ({@code throughline.privacy.retention.*}), swept by
 * a nightly job. Every run is recorded with the number of rows it removed per table, never what they held.
 */
public interface Retention {

    /**
     * One run.
     *
     * @param startedBy the member of staff who ran it by hand; null for the schedule
     * @param removed   rows removed per table ({@code schema.table}), in the order swept
     * @param failed    tables that could not be swept this time (they are tried again on the next run)
     */
    record Run(UUID id, Instant startedAt, Instant finishedAt, @Nullable UUID startedBy, Map<String, Long> removed,
            List<String> failed) {

        public long total() {
            return removed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Sweeps every table now, as the schedule would. */
    Run runNow(@Nullable UUID staffId);

    /** The latest runs, newest first. */
    List<Run> recentRuns(int limit);
}
