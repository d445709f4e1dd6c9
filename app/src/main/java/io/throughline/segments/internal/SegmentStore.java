package io.throughline.segments.internal;

import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Page;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Segment definitions ({@code segments.segment}). */
@Repository
class SegmentStore {

    /** A saved segment: its definition as JSON, and the version that counts its saves. */
    record Saved(UUID id, String key, String name, @Nullable String description, String definition, int version,
            Instant createdAt, Instant updatedAt) {}

    private static final String COLUMNS = "id, key, name, definition::text AS definition, version, created_at, updated_at";

    private final JdbcClient jdbc;
    private final SegmentJson json;

    SegmentStore(JdbcClient jdbc, SegmentJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Saved segment) {
        jdbc.sql("""
                INSERT INTO segments.segment (id, key, name, definition, version, created_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(segment.id(), segment.key(), segment.name(), segment.definition(), segment.version(),
                        Rows.timestamp(segment.createdAt()), Rows.timestamp(segment.updatedAt()))
                .update();
    }

    /** Saves the next version of the definition; answers the new version. */
    int update(UUID id, String name, String definition, Instant now) {
        return jdbc.sql("""
                UPDATE segments.segment SET name = ?, definition = ?::jsonb, version = version + 1, updated_at = ?
                WHERE id = ? RETURNING version""")
                .params(name, definition, Rows.timestamp(now), id).query(Integer.class).single();
    }

    Optional<Saved> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segments.segment WHERE key = ?").param(key).query(this::saved)
                .optional();
    }

    Optional<Saved> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segments.segment WHERE id = ?").param(id).query(this::saved)
                .optional();
    }

    /** Locks the segment's row: saves of one segment happen one after the other. */
    Optional<Saved> lock(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segments.segment WHERE key = ? FOR UPDATE").param(key)
                .query(this::saved).optional();
    }

    List<Saved> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM segments.segment ORDER BY created_at, id").query(this::saved).list();
    }

    Page<Saved> list(PageRequest page) {
        return new PagedQuery(COLUMNS, "FROM segments.segment", "name, id", List.of()).read(jdbc, page, this::saved);
    }

    /** Changes whenever a segment is saved, so caches know to reload. */
    String changeMark() {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM segments.segment")
                .query(String.class).single();
    }

    private Saved saved(ResultSet rs, int row) throws SQLException {
        String definition = rs.getString("definition");
        return new Saved(Rows.uuid(rs, "id"), rs.getString("key"), rs.getString("name"),
                json.read(definition).path("description").isString()
                        ? json.read(definition).path("description").asString() : null,
                definition, rs.getInt("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
