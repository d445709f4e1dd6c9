package io.throughline.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's cumulative work counters (17's {@code pg_stat_wal}, {@code pg_stat_checkpointer},
 * {@code pg_stat_database}): WAL written and flushed, transactions, checkpoints. Two snapshots tell what a
 * phase cost the database per event, and how many events each durable flush carried.
 */
record DatabaseActivity(long walBytes, long walRecords, long walFullPageImages, long walSyncs, long commits,
        long checkpoints) {

    static DatabaseActivity now(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT w.wal_bytes, w.wal_records, w.wal_fpi, w.wal_sync,
                       (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                       (SELECT num_timed + num_requested FROM pg_stat_checkpointer)
                FROM pg_stat_wal w""")) {
            rs.next();
            return new DatabaseActivity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6));
        }
    }

    /** What happened since {@code before}, per item (event or row) where that helps. */
    String since(DatabaseActivity before, long items, String item) {
        long bytes = walBytes - before.walBytes;
        long records = walRecords - before.walRecords;
        long syncs = walSyncs - before.walSyncs;
        String format = "WAL %.0f MB = %.0f bytes per %s (%.0f %% of records carry a full-page image), %d WAL flushes"
                + " = %.0f %ss per flush, %d transactions committed, %d checkpoints";
        return format.formatted(bytes / 1e6, (double) bytes / items, item,
                100.0 * (walFullPageImages - before.walFullPageImages) / Math.max(1, records), syncs,
                (double) items / Math.max(1, syncs), item, commits - before.commits, checkpoints - before.checkpoints);
    }
}
