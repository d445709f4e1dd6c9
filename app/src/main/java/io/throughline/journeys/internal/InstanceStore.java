package io.throughline.journeys.internal;

import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customers' instances of journeys ({@code journeys.instance}). */
@Repository
class InstanceStore {

    private static final String COLUMNS =
            "id, journey_key, version, profile_id, entered_at, state, step, stage, waiting_for, data::text AS data";

    private final JdbcClient jdbc;

    InstanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises entries of one customer into one journey until the transaction ends, so re-entry rules hold
     * under concurrent triggers.
     */
    void lockEntry(String key, UUID profileId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(key + "/" + profileId)
                .query((rs, row) -> 1).list();
    }

    /** When the customer last entered the journey; to be asked under {@link #lockEntry}. */
    Optional<Instant> lastEntry(String key, UUID profileId) {
        return jdbc.sql("""
                SELECT entered_at FROM journeys.instance WHERE journey_key = ? AND profile_id = ?
                ORDER BY entered_at DESC LIMIT 1""").params(key, profileId)
                .query((rs, row) -> Rows.instant(rs, "entered_at")).optional();
    }

    /** The customer's instances in flight, unlocked: what her event might concern. */
    List<Instance> inFlight(UUID profileId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journeys.instance WHERE profile_id = ? AND state = ?")
                .params(profileId, InstanceState.ACTIVE.name()).query(InstanceStore::instance).list();
    }

    /** The instance as it is, unlocked. */
    Optional<Instance> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journeys.instance WHERE id = ?").param(id)
                .query(InstanceStore::instance).optional();
    }

    /** Locks the instances, in id order so that two transactions locking several cannot deadlock. */
    Map<UUID, Instance> lock(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journeys.instance WHERE id = ANY(?) ORDER BY id FOR UPDATE")
                .param(ids.toArray(UUID[]::new)).query(InstanceStore::instance).list().stream()
                .collect(Collectors.toMap(instance -> instance.id, instance -> instance));
    }

    /** Gives the merged profile's instances, in flight or ended, to the survivor. */
    void move(UUID merged, UUID survivor) {
        jdbc.sql("UPDATE journeys.instance SET profile_id = ?, merged_from = ? WHERE profile_id = ?")
                .params(survivor, merged, merged).update();
    }

    /** Undoes {@link #move}: the instances the restored profile brought go back to her. */
    void moveBack(UUID survivor, UUID restored) {
        jdbc.sql("UPDATE journeys.instance SET profile_id = ?, merged_from = NULL WHERE profile_id = ? AND merged_from = ?")
                .params(restored, survivor, restored).update();
    }

    /** Writes the instances just entered. */
    OneStatement.Part insert(List<Instance> instances, Instant now) {
        return new OneStatement.Part("""
                INSERT INTO journeys.instance (id, journey_key, version, profile_id, state, step, stage, waiting_for,
                                               data, entered_at, updated_at, ended_at)
                SELECT u.id, u.journey_key, u.version, u.profile_id, u.state, u.step, u.stage, u.waiting_for,
                       u.data::jsonb, u.entered_at, ?::timestamptz,
                       CASE WHEN u.state = 'ACTIVE' THEN NULL ELSE ?::timestamptz END
                FROM unnest(?::uuid[], ?::text[], ?::int[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::text[],
                            ?::text[], ?::timestamptz[])
                     AS u(id, journey_key, version, profile_id, state, step, stage, waiting_for, data, entered_at)""",
                List.of(Rows.timestamp(now), Rows.timestamp(now),
                        instances.stream().map(i -> i.id).toArray(UUID[]::new),
                        instances.stream().map(i -> i.journey).toArray(String[]::new),
                        instances.stream().map(i -> i.version).toArray(Integer[]::new),
                        instances.stream().map(i -> i.profileId).toArray(UUID[]::new),
                        instances.stream().map(i -> i.state.name()).toArray(String[]::new),
                        instances.stream().map(i -> i.step).toArray(String[]::new),
                        instances.stream().map(i -> i.stage).toArray(Integer[]::new),
                        instances.stream().map(i -> i.waitingFor).toArray(String[]::new),
                        instances.stream().map(i -> i.data).toArray(String[]::new),
                        instances.stream().map(i -> Rows.timestamp(i.enteredAt)).toArray(Timestamp[]::new)));
    }

    /** Writes back where the walks left instances that were already stored. */
    OneStatement.Part update(List<Instance> instances, Instant now) {
        return new OneStatement.Part("""
                UPDATE journeys.instance i
                SET state = u.state, step = u.step, stage = u.stage, waiting_for = u.waiting_for, data = u.data::jsonb,
                    updated_at = ?::timestamptz,
                    ended_at = CASE WHEN u.state = 'ACTIVE' THEN NULL ELSE ?::timestamptz END
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[])
                     AS u(id, state, step, stage, waiting_for, data)
                WHERE i.id = u.id""",
                List.of(Rows.timestamp(now), Rows.timestamp(now),
                        instances.stream().map(i -> i.id).toArray(UUID[]::new),
                        instances.stream().map(i -> i.state.name()).toArray(String[]::new),
                        instances.stream().map(i -> i.step).toArray(String[]::new),
                        instances.stream().map(i -> i.stage).toArray(Integer[]::new),
                        instances.stream().map(i -> i.waitingFor).toArray(String[]::new),
                        instances.stream().map(i -> i.data).toArray(String[]::new)));
    }

    private static Instance instance(ResultSet rs, int row) throws SQLException {
        return new Instance(Rows.uuid(rs, "id"), rs.getString("journey_key"), rs.getInt("version"),
                Rows.uuid(rs, "profile_id"), Rows.instant(rs, "entered_at"),
                Rows.enumOf(rs, "state", InstanceState.class), rs.getString("step"), rs.getInt("stage"),
                rs.getString("waiting_for"), rs.getString("data"));
    }
}
