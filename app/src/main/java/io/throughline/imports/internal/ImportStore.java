package io.throughline.imports.internal;

import static io.throughline.platform.Rows.enumOf;
import static io.throughline.platform.Rows.instant;
import static io.throughline.platform.Rows.instantOrNull;
import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.uuid;

import io.throughline.imports.ImportLineError;
import io.throughline.imports.ImportState;
import io.throughline.imports.OrderImport;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports with their progress, their line errors, and the document numbers imported ever. */
@Repository
class ImportStore {

    /** An import still to finish, as a restart finds it. */
    record Unfinished(UUID id, String storedPath, String mapping, long linesRead) {}

    /** What one committed batch adds to an import. */
    record Progress(long bytesRead, long linesRead, int orders, int returns, int skipped, int products,
            List<ImportLineError> errors) {}

    private static final String COLUMNS = "id, file_name, state, size_bytes, bytes_read, lines_read, orders_imported, "
            + "returns_imported, orders_skipped, lines_failed, products_created, failure, created_at, finished_at";

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, String fileName, String storedPath, long size, String mapping, Instant now) {
        jdbc.sql("""
                INSERT INTO imports.order_import (id, file_name, stored_path, size_bytes, mapping, state, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(id, fileName, storedPath, size, mapping, ImportState.RUNNING.name(), timestamp(now)).update();
    }

    OrderImport get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM imports.order_import WHERE id = ?").param(id)
                .query(ImportStore::map).optional()
                .orElseThrow(() -> new NotFoundException("order import", id.toString()));
    }

    Page<OrderImport> list(PageRequest page) {
        return new PagedQuery(COLUMNS, "FROM imports.order_import", "created_at DESC, id DESC", List.of())
                .read(jdbc, page, ImportStore::map);
    }

    Page<ImportLineError> errors(UUID id, PageRequest page) {
        get(id);
        return new PagedQuery("line, field, reason", "FROM imports.line_error WHERE import_id = ?", "line, field",
                List.of(id)).read(jdbc, page,
                        (rs, row) -> new ImportLineError(rs.getLong("line"), rs.getString("field"),
                                rs.getString("reason")));
    }

    List<Unfinished> unfinished() {
        return jdbc.sql("""
                SELECT id, stored_path, mapping::text AS mapping, lines_read FROM imports.order_import
                 WHERE state = ? ORDER BY created_at""").param(ImportState.RUNNING.name())
                .query((rs, row) -> new Unfinished(uuid(rs, "id"), rs.getString("stored_path"),
                        rs.getString("mapping"), rs.getLong("lines_read"))).list();
    }

    /**
     * In the batch's transaction: its errors and counts, and the line up to which the file is done. A line's errors
     * all come in one batch, so the lines newly reported are counted from what this batch adds: a count over all of
     * the import's errors at every batch would grow quadratic on a file of millions of bad lines.
     */
    void advance(UUID id, Progress progress) {
        List<ImportLineError> errors = progress.errors();
        jdbc.sql("""
                WITH added AS (
                    INSERT INTO imports.line_error (import_id, line, field, reason)
                    SELECT ?, e.line, e.field, e.reason
                      FROM unnest(?::bigint[], ?::text[], ?::text[]) AS e (line, field, reason)
                    ON CONFLICT DO NOTHING RETURNING line)
                UPDATE imports.order_import
                   SET bytes_read = greatest(bytes_read, ?), lines_read = greatest(lines_read, ?),
                       orders_imported = orders_imported + ?, returns_imported = returns_imported + ?,
                       orders_skipped = orders_skipped + ?, products_created = products_created + ?,
                       lines_failed = lines_failed + (SELECT count(DISTINCT line) FROM added)
                 WHERE id = ?""")
                .params(id, errors.stream().map(ImportLineError::line).toArray(Long[]::new),
                        errors.stream().map(ImportLineError::field).toArray(String[]::new),
                        errors.stream().map(ImportLineError::reason).toArray(String[]::new),
                        progress.bytesRead(), progress.linesRead(), progress.orders(), progress.returns(),
                        progress.skipped(), progress.products(), id).update();
    }

    void finish(UUID id, ImportState state, @Nullable String failure, Instant now) {
        jdbc.sql("""
                UPDATE imports.order_import SET state = ?, failure = ?, finished_at = ?,
                       bytes_read = CASE WHEN ? = 'DONE' THEN size_bytes ELSE bytes_read END
                 WHERE id = ?""")
                .params(state.name(), failure, timestamp(now), state.name(), id).update();
    }

    /** The numbers among these imported before, with the import that took each. */
    Map<String, UUID> imported(Collection<String> numbers) {
        Map<String, UUID> found = new HashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT number, import_id FROM imports.imported_document WHERE number = ANY(?)")
                .param(numbers.toArray(String[]::new))
                .query((rs, row) -> found.put(rs.getString("number"), uuid(rs, "import_id"))).list();
        return found;
    }

    void documents(UUID importId, List<String> numbers, List<String> kinds, List<@Nullable UUID> orderIds,
            Instant now) {
        if (numbers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO imports.imported_document (number, kind, order_id, import_id, imported_at)
                SELECT d.number, d.kind, d.order_id, ?, ? FROM unnest(?::text[], ?::text[], ?::uuid[])
                                                          AS d (number, kind, order_id)""")
                .params(importId, timestamp(now), numbers.toArray(String[]::new), kinds.toArray(String[]::new),
                        orderIds.stream().map(id -> id == null ? null : id.toString()).toArray(String[]::new))
                .update();
    }

    private static OrderImport map(ResultSet rs, int row) throws SQLException {
        return new OrderImport(uuid(rs, "id"), rs.getString("file_name"), enumOf(rs, "state", ImportState.class),
                rs.getLong("size_bytes"), rs.getLong("bytes_read"), rs.getLong("lines_read"),
                rs.getInt("orders_imported"), rs.getInt("returns_imported"), rs.getInt("orders_skipped"),
                rs.getInt("lines_failed"), rs.getInt("products_created"), rs.getString("failure"),
                instant(rs, "created_at"), instantOrNull(rs, "finished_at"));
    }
}
