package io.throughline.journeys.internal;

import io.throughline.journeys.Journey;
import io.throughline.journeys.JourneyStatus;
import io.throughline.journeys.internal.JourneyWalk.TimerKind;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journeys schema: definitions and their versions, instances, timers and counts. */
@Repository
class JourneyStore {

    /** One customer's instance as the engine works on it. */
    static final class Instance {
        final UUID id;
        final String journey;
        final int version;
        final UUID profileId;
        final Instant enteredAt;
        String state;
        String step;
        int stage;
        @Nullable String waitingFor;
        String data;

        Instance(UUID id, String journey, int version, UUID profileId, Instant enteredAt, String state, String step,
                int stage, @Nullable String waitingFor, String data) {
            this.id = id;
            this.journey = journey;
            this.version = version;
            this.profileId = profileId;
            this.enteredAt = enteredAt;
            this.state = state;
            this.step = step;
            this.stage = stage;
            this.waitingFor = waitingFor;
            this.data = data;
        }

        boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    /** A claimed timer. */
    record Timer(UUID id, UUID instanceId, int stage, TimerKind kind, Instant dueAt) {}

    private static final String INSTANCE_COLUMNS =
            "id, journey_key, version, profile_id, entered_at, state, step, stage, waiting_for, data::text AS data";

    private final JdbcClient jdbc;

    JourneyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Definitions

    boolean exists(String key) {
        return jdbc.sql("SELECT 1 FROM journeys.journey WHERE key = ?").param(key).query(Integer.class).optional()
                .isPresent();
    }

    void insertJourney(String key, String name, Instant now) {
        jdbc.sql("""
                INSERT INTO journeys.journey (key, name, status, active_version, latest_version, created_at, updated_at)
                VALUES (?, ?, 'DRAFT', NULL, 0, ?, ?)""").params(key, name, ts(now), ts(now)).update();
    }

    /** Locks the journey row: saves and status changes of one journey happen one after the other. */
    Optional<Journey> lock(String key) {
        return jdbc.sql("SELECT * FROM journeys.journey WHERE key = ? FOR UPDATE").param(key)
                .query(JourneyStore::journey).optional();
    }

    Optional<Journey> find(String key) {
        return jdbc.sql("SELECT * FROM journeys.journey WHERE key = ?").param(key).query(JourneyStore::journey)
                .optional();
    }

    void insertVersion(String key, int version, String name, String definition, Instant now) {
        jdbc.sql("INSERT INTO journeys.version (journey_key, version, definition, created_at) VALUES (?, ?, ?::jsonb, ?)")
                .params(key, version, definition, ts(now)).update();
        jdbc.sql("UPDATE journeys.journey SET latest_version = ?, name = ?, updated_at = ? WHERE key = ?")
                .params(version, name, ts(now), key).update();
    }

    void setStatus(String key, JourneyStatus status, @Nullable Integer activeVersion, Instant now) {
        jdbc.sql("UPDATE journeys.journey SET status = ?, active_version = ?, updated_at = ? WHERE key = ?")
                .params(status.name(), activeVersion, ts(now), key).update();
    }

    Page<Journey> list(PageRequest page) {
        List<Journey> items = jdbc.sql("SELECT * FROM journeys.journey ORDER BY key LIMIT ? OFFSET ?")
                .params(page.size(), page.offset()).query(JourneyStore::journey).list();
        long total = jdbc.sql("SELECT count(*) FROM journeys.journey").query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The definition JSON and when it was saved. */
    Optional<StoredVersion> version(String key, int version) {
        return jdbc.sql("SELECT definition::text, created_at FROM journeys.version WHERE journey_key = ? AND version = ?")
                .params(key, version)
                .query((rs, row) -> new StoredVersion(key, version, rs.getString(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    record StoredVersion(String key, int version, String definition, Instant createdAt) {}

    /** Every version of every journey: any of them may have customers in flight. */
    List<StoredVersion> allVersions() {
        return jdbc.sql("SELECT journey_key, version, definition::text, created_at FROM journeys.version")
                .query((rs, row) -> new StoredVersion(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The active journeys with the version new entries take. */
    List<Journey> active() {
        return jdbc.sql("SELECT * FROM journeys.journey WHERE status = 'ACTIVE'").query(JourneyStore::journey).list();
    }

    /** Changes whenever a journey is saved, activated or paused, so caches know to reload. */
    long changeMark() {
        return jdbc.sql("""
                SELECT coalesce((SELECT extract(epoch FROM max(updated_at)) * 1000000 FROM journeys.journey), 0)::bigint
                       + (SELECT count(*) FROM journeys.version)""").query(Long.class).single();
    }

    // Instances

    /** Serialises entries of one customer into one journey, so re-entry rules hold under concurrent triggers. */
    void lockEntry(String key, UUID profileId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(key + "/" + profileId)
                .query((rs, row) -> 1).list();
    }

    Optional<Instant> lastEntry(String key, UUID profileId) {
        return jdbc.sql("""
                SELECT entered_at FROM journeys.instance WHERE journey_key = ? AND profile_id = ?
                ORDER BY entered_at DESC LIMIT 1""").params(key, profileId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).optional();
    }

    void insert(Instance instance, Instant now) {
        jdbc.sql("""
                INSERT INTO journeys.instance (id, journey_key, version, profile_id, state, step, stage, waiting_for,
                                               data, entered_at, updated_at, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(instance.id, instance.journey, instance.version, instance.profileId, instance.state,
                        instance.step, instance.stage, instance.waitingFor, instance.data, ts(instance.enteredAt),
                        ts(now), instance.active() ? null : ts(now))
                .update();
    }

    void update(Collection<Instance> instances, Instant now) {
        if (instances.isEmpty()) {
            return;
        }
        List<Instance> list = List.copyOf(instances);
        jdbc.sql("""
                UPDATE journeys.instance i
                SET state = u.state, step = u.step, stage = u.stage, waiting_for = u.waiting_for, data = u.data::jsonb,
                    updated_at = ?, ended_at = CASE WHEN u.state = 'ACTIVE' THEN NULL ELSE ?::timestamptz END
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[])
                     AS u(id, state, step, stage, waiting_for, data)
                WHERE i.id = u.id""")
                .params(ts(now), ts(now),
                        list.stream().map(i -> i.id).toArray(UUID[]::new),
                        list.stream().map(i -> i.state).toArray(String[]::new),
                        list.stream().map(i -> i.step).toArray(String[]::new),
                        list.stream().map(i -> i.stage).toArray(Integer[]::new),
                        list.stream().map(i -> i.waitingFor).toArray(String[]::new),
                        list.stream().map(i -> i.data).toArray(String[]::new))
                .update();
    }

    /** The customer's instances in flight, unlocked: what her event might concern. */
    List<Instance> inFlight(UUID profileId) {
        return jdbc.sql("SELECT " + INSTANCE_COLUMNS + " FROM journeys.instance WHERE profile_id = ? AND state = 'ACTIVE'")
                .param(profileId).query(JourneyStore::instance).list();
    }

    /** Gives the merged profile's instances, in flight or ended, to the survivor. */
    void moveInstances(UUID merged, UUID survivor) {
        jdbc.sql("UPDATE journeys.instance SET profile_id = ? WHERE profile_id = ?").params(survivor, merged).update();
    }

    Map<UUID, Instance> lockInstances(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + INSTANCE_COLUMNS + " FROM journeys.instance WHERE id = ANY(?) ORDER BY id FOR UPDATE")
                .param(ids.toArray(UUID[]::new)).query(JourneyStore::instance).list().stream()
                .collect(java.util.stream.Collectors.toMap(instance -> instance.id, instance -> instance));
    }

    // Timers

    void insertTimers(List<NewTimer> timers) {
        if (timers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO journeys.timer (id, instance_id, stage, kind, due_at)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::timestamptz[])""")
                .params(timers.stream().map(NewTimer::id).toArray(UUID[]::new),
                        timers.stream().map(NewTimer::instanceId).toArray(UUID[]::new),
                        timers.stream().map(NewTimer::stage).toArray(Integer[]::new),
                        timers.stream().map(timer -> timer.kind().name()).toArray(String[]::new),
                        timers.stream().map(timer -> ts(timer.dueAt())).toArray(Timestamp[]::new))
                .update();
    }

    record NewTimer(UUID id, UUID instanceId, int stage, TimerKind kind, Instant dueAt) {}

    /**
     * Claims and deletes up to {@code limit} due timers, earliest first, skipping those another transaction
     * holds. They are gone for good only if the caller's transaction commits.
     */
    List<Timer> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                DELETE FROM journeys.timer WHERE id IN (
                    SELECT id FROM journeys.timer WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, instance_id, stage, kind, due_at""")
                .params(ts(now), limit)
                .query((rs, row) -> new Timer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        TimerKind.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Deletes the instance's timers of that stage (all of them when null); waits for a poller firing one. */
    int deleteTimers(UUID instanceId, @Nullable Integer stage) {
        return stage == null
                ? jdbc.sql("DELETE FROM journeys.timer WHERE instance_id = ?").param(instanceId).update()
                : jdbc.sql("DELETE FROM journeys.timer WHERE instance_id = ? AND stage = ?").params(instanceId, stage)
                        .update();
    }

    long pendingTimers() {
        return jdbc.sql("SELECT count(*) FROM journeys.timer").query(Long.class).single();
    }

    // Send intents

    /** A send or task step to dispatch after the commit that wrote it, at the moment the walk reached it. */
    record SendIntent(UUID instanceId, int stage, String step, Instant at) {

        /** Messaging's idempotency key for the dispatch: one per instance, stage and step. */
        String dispatchKey() {
            return "journey-send:" + instanceId + ":" + stage + ":" + step;
        }
    }

    void insertIntents(List<SendIntent> intents, Instant leaseUntil) {
        if (intents.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO journeys.send_intent (instance_id, stage, step, at, claimed_until)
                SELECT i.*, ? FROM unnest(?::uuid[], ?::int[], ?::text[], ?::timestamptz[]) AS i""")
                .params(ts(leaseUntil), intents.stream().map(SendIntent::instanceId).toArray(UUID[]::new),
                        intents.stream().map(SendIntent::stage).toArray(Integer[]::new),
                        intents.stream().map(SendIntent::step).toArray(String[]::new),
                        intents.stream().map(intent -> ts(intent.at())).toArray(Timestamp[]::new))
                .update();
    }

    /**
     * Claims up to {@code limit} intents whose lease ran out by the moment (their sender crashed or stopped),
     * leasing them anew, skipping those another transaction holds.
     */
    List<SendIntent> claimAbandonedIntents(Instant moment, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE journeys.send_intent SET claimed_until = ?
                WHERE (instance_id, stage, step) IN (
                    SELECT instance_id, stage, step FROM journeys.send_intent WHERE claimed_until <= ?
                    ORDER BY claimed_until LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING instance_id, stage, step, at""")
                .params(ts(leaseUntil), ts(moment), limit)
                .query((rs, row) -> new SendIntent(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    void deleteIntent(SendIntent intent) {
        jdbc.sql("DELETE FROM journeys.send_intent WHERE instance_id = ? AND stage = ? AND step = ?")
                .params(intent.instanceId(), intent.stage(), intent.step()).update();
    }

    /** The instance as it is, unlocked. */
    Optional<Instance> instance(UUID id) {
        return jdbc.sql("SELECT " + INSTANCE_COLUMNS + " FROM journeys.instance WHERE id = ?").param(id)
                .query(JourneyStore::instance).optional();
    }

    // Counts

    void addStepCounts(Map<StepKey, long[]> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<StepKey, long[]>> entries = List.copyOf(counts.entrySet());
        jdbc.sql("""
                INSERT INTO journeys.step_count (journey_key, version, step, entered, left_step)
                SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::bigint[], ?::bigint[])""")
                .params(entries.stream().map(e -> e.getKey().journey()).toArray(String[]::new),
                        entries.stream().map(e -> e.getKey().version()).toArray(Integer[]::new),
                        entries.stream().map(e -> e.getKey().step()).toArray(String[]::new),
                        entries.stream().map(e -> e.getValue()[0]).toArray(Long[]::new),
                        entries.stream().map(e -> e.getValue()[1]).toArray(Long[]::new))
                .update();
    }

    record StepKey(String journey, int version, String step) {}

    record VersionKey(String journey, int version) {}

    /** Adds entries, completions, conversions and control-group exits. */
    void addOutcomes(Map<VersionKey, long[]> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<VersionKey, long[]>> entries = List.copyOf(counts.entrySet());
        jdbc.sql("""
                INSERT INTO journeys.outcome_count (journey_key, version, entered, completed, converted, control)
                SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])""")
                .params(entries.stream().map(e -> e.getKey().journey()).toArray(String[]::new),
                        entries.stream().map(e -> e.getKey().version()).toArray(Integer[]::new),
                        entries.stream().map(e -> e.getValue()[0]).toArray(Long[]::new),
                        entries.stream().map(e -> e.getValue()[1]).toArray(Long[]::new),
                        entries.stream().map(e -> e.getValue()[2]).toArray(Long[]::new),
                        entries.stream().map(e -> e.getValue()[3]).toArray(Long[]::new))
                .update();
    }

    /** Per-step arrivals and departures, by step id. */
    Map<String, long[]> stepCounts(String key, int version) {
        Map<String, long[]> counts = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT step, sum(entered), sum(left_step) FROM journeys.step_count
                WHERE journey_key = ? AND version = ? GROUP BY step""")
                .params(key, version)
                .query((rs, row) -> counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        return counts;
    }

    long[] outcomes(String key, int version) {
        return jdbc.sql("""
                SELECT coalesce(sum(entered), 0), coalesce(sum(completed), 0), coalesce(sum(converted), 0),
                       coalesce(sum(control), 0)
                FROM journeys.outcome_count WHERE journey_key = ? AND version = ?""").params(key, version)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
    }

    // Schedules

    void schedule(String key, Instant nextRun) {
        jdbc.sql("""
                INSERT INTO journeys.schedule (journey_key, next_run_at) VALUES (?, ?)
                ON CONFLICT (journey_key) DO UPDATE SET next_run_at = excluded.next_run_at""")
                .params(key, ts(nextRun)).update();
    }

    void unschedule(String key) {
        jdbc.sql("DELETE FROM journeys.schedule WHERE journey_key = ?").param(key).update();
    }

    /** Scheduled journeys due to run, locked so that one node runs each. */
    List<String> claimDueSchedules(Instant now) {
        return jdbc.sql("SELECT journey_key FROM journeys.schedule WHERE next_run_at <= ? FOR UPDATE SKIP LOCKED")
                .param(ts(now)).query(String.class).list();
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Journey journey(ResultSet rs, int row) throws SQLException {
        return new Journey(rs.getString("key"), rs.getString("name"), JourneyStatus.valueOf(rs.getString("status")),
                rs.getObject("active_version", Integer.class), rs.getInt("latest_version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static Instance instance(ResultSet rs, int row) throws SQLException {
        return new Instance(rs.getObject("id", UUID.class), rs.getString("journey_key"), rs.getInt("version"),
                rs.getObject("profile_id", UUID.class), rs.getTimestamp("entered_at").toInstant(),
                rs.getString("state"), rs.getString("step"), rs.getInt("stage"), rs.getString("waiting_for"),
                rs.getString("data"));
    }

}
