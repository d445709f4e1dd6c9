package io.throughline.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's secondary indexes (not its primary key or unique constraints), dropped for a bulk load and rebuilt
 * from their own definitions afterwards: one sort per index instead of millions of random inserts into it.
 */
final class SecondaryIndexes {

    private record Index(String name, String definition) {}

    private final List<Index> indexes;

    private SecondaryIndexes(List<Index> indexes) {
        this.indexes = indexes;
    }

    /** Drops the table's secondary indexes, remembering how to rebuild them; on a partitioned table, with its partitions'. */
    static SecondaryIndexes drop(Connection connection, String table) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index
                WHERE indrelid = '%s'::regclass AND NOT indisprimary AND NOT indisunique""".formatted(table))) {
            while (rs.next()) {
                // A partitioned table's index reads "ON ONLY parent"; rebuilt without ONLY it covers the partitions.
                indexes.add(new Index(rs.getString(1), rs.getString(2).replace(" ON ONLY ", " ON ")));
            }
        }
        for (Index index : indexes) {
            Postgres.execute(connection, "DROP INDEX " + index.name());
        }
        return new SecondaryIndexes(indexes);
    }

    List<String> names() {
        return indexes.stream().map(Index::name).toList();
    }

    void rebuild(Connection connection) throws SQLException {
        // Sorting in memory rather than in temporary files; the session's own setting, nothing global.
        Postgres.execute(connection, "SET maintenance_work_mem = '1GB'");
        for (Index index : indexes) {
            Postgres.execute(connection, index.definition());
        }
    }
}
