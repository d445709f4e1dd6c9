package io.throughline.journeys.internal;

import io.throughline.journeys.Journey;
import io.throughline.journeys.JourneyStatus;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journeys ({@code journeys.journey}) and their saved versions ({@code journeys.version}). */
@Repository
class DefinitionStore {

    /** One version's definition JSON as saved. */
    record StoredVersion(String key, int version, String definition, Instant createdAt) {}

    private static final String JOURNEY_COLUMNS =
            "key, name, status, active_version, latest_version, created_at, updated_at";

    private final JdbcClient jdbc;

    DefinitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String key) {
        return jdbc.sql("SELECT 1 FROM journeys.journey WHERE key = ?").param(key).query(Integer.class).optional()
                .isPresent();
    }

    void insertJourney(String key, String name, Instant now) {
        jdbc.sql("""
                INSERT INTO journeys.journey (key, name, status, active_version, latest_version, created_at, updated_at)
                VALUES (?, ?, ?, NULL, 0, ?, ?)""")
                .params(key, name, JourneyStatus.DRAFT.name(), Rows.timestamp(now), Rows.timestamp(now)).update();
    }

    /** Locks the journey row: saves and status changes of one journey happen one after the other. */
    Optional<Journey> lock(String key) {
        return jdbc.sql("SELECT " + JOURNEY_COLUMNS + " FROM journeys.journey WHERE key = ? FOR UPDATE").param(key)
                .query(DefinitionStore::journey).optional();
    }

    Optional<Journey> find(String key) {
        return jdbc.sql("SELECT " + JOURNEY_COLUMNS + " FROM journeys.journey WHERE key = ?").param(key)
                .query(DefinitionStore::journey).optional();
    }

    /** Saves the version and makes it the journey's latest, in one statement. */
    void insertVersion(String key, int version, String name, String definition, Instant now) {
        new OneStatement()
                .add(new OneStatement.Part("""
                        INSERT INTO journeys.version (journey_key, version, definition, created_at)
                        VALUES (?, ?, ?::jsonb, ?)""", List.of(key, version, definition, Rows.timestamp(now))))
                .add(new OneStatement.Part(
                        "UPDATE journeys.journey SET latest_version = ?, name = ?, updated_at = ? WHERE key = ?",
                        List.of(version, name, Rows.timestamp(now), key)))
                .execute(jdbc);
    }

    void setStatus(String key, JourneyStatus status, @Nullable Integer activeVersion, Instant now) {
        jdbc.sql("UPDATE journeys.journey SET status = ?, active_version = ?, updated_at = ? WHERE key = ?")
                .params(status.name(), activeVersion, Rows.timestamp(now), key).update();
    }

    Page<Journey> list(PageRequest page) {
        return new PagedQuery(JOURNEY_COLUMNS, "FROM journeys.journey", "key").read(jdbc, page,
                DefinitionStore::journey);
    }

    Optional<StoredVersion> version(String key, int version) {
        return jdbc.sql("""
                SELECT journey_key, version, definition::text AS definition, created_at FROM journeys.version
                WHERE journey_key = ? AND version = ?""")
                .params(key, version).query(DefinitionStore::storedVersion).optional();
    }

    /** Every version of every journey: any of them may have customers in flight. */
    List<StoredVersion> allVersions() {
        return jdbc.sql("SELECT journey_key, version, definition::text AS definition, created_at FROM journeys.version")
                .query(DefinitionStore::storedVersion).list();
    }

    /** The active journeys with the version new entries take. */
    List<Journey> active() {
        return jdbc.sql("SELECT " + JOURNEY_COLUMNS + " FROM journeys.journey WHERE status = ?")
                .param(JourneyStatus.ACTIVE.name()).query(DefinitionStore::journey).list();
    }

    /** Changes whenever a journey is saved, activated or paused, so caches know to reload. */
    long changeMark() {
        return jdbc.sql("""
                SELECT coalesce((SELECT extract(epoch FROM max(updated_at)) * 1000000 FROM journeys.journey), 0)::bigint
                       + (SELECT count(*) FROM journeys.version)""").query(Long.class).single();
    }

    private static Journey journey(ResultSet rs, int row) throws SQLException {
        return new Journey(rs.getString("key"), rs.getString("name"), Rows.enumOf(rs, "status", JourneyStatus.class),
                rs.getObject("active_version", Integer.class), rs.getInt("latest_version"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    private static StoredVersion storedVersion(ResultSet rs, int row) throws SQLException {
        return new StoredVersion(rs.getString("journey_key"), rs.getInt("version"), rs.getString("definition"),
                Rows.instant(rs, "created_at"));
    }
}
