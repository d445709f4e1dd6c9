package io.throughline.segments.internal;

import io.throughline.platform.Rows;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A profile's facts ({@code segments.profile_fact}, {@code segments.behaviour}). Evaluations lock the facts
 * row of each profile they evaluate, always in profile-id order (the processor, the timers and the batch
 * alike), so that two of them never decide one customer's memberships at once and never deadlock.
 */
@Repository
class FactStore {

    /** An event to keep as behaviour. */
    record NewBehaviour(long seq, UUID profileId, String name, String channel, Instant occurredAt, String properties) {}

    private final JdbcClient jdbc;
    private final SegmentJson json;

    FactStore(JdbcClient jdbc, SegmentJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Creates the missing facts rows and locks all of them, in profile-id order. */
    void lock(Collection<UUID> profileIds, Instant now) {
        UUID[] sorted = profileIds.stream().distinct().sorted().toArray(UUID[]::new);
        if (sorted.length == 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO segments.profile_fact (profile_id, traits, consents, updated_at)
                SELECT id, '{}'::jsonb, '{}'::text[], ? FROM unnest(?::uuid[]) id ORDER BY id
                ON CONFLICT (profile_id) DO NOTHING""").params(Rows.timestamp(now), sorted).update();
        jdbc.sql("SELECT profile_id FROM segments.profile_fact WHERE profile_id = ANY(?) ORDER BY profile_id FOR UPDATE")
                .param(sorted).query(UUID.class).list();
    }

    /** Locks those of the profiles no one else holds, in profile-id order, and answers them. */
    List<UUID> lockFree(Collection<UUID> profileIds) {
        return jdbc.sql("""
                SELECT profile_id FROM segments.profile_fact WHERE profile_id = ANY(?)
                ORDER BY profile_id FOR UPDATE SKIP LOCKED""")
                .param(profileIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    void addBehaviour(List<NewBehaviour> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO segments.behaviour (seq, profile_id, name, channel, occurred_at, properties)
                SELECT seq, profile_id, name, channel, occurred_at, properties::jsonb
                FROM unnest(?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                    AS t (seq, profile_id, name, channel, occurred_at, properties)
                ON CONFLICT (seq) DO NOTHING""")
                .params(rows.stream().map(NewBehaviour::seq).toArray(Long[]::new),
                        rows.stream().map(NewBehaviour::profileId).toArray(UUID[]::new),
                        rows.stream().map(NewBehaviour::name).toArray(String[]::new),
                        rows.stream().map(NewBehaviour::channel).toArray(String[]::new),
                        rows.stream().map(row -> Rows.timestamp(row.occurredAt())).toArray(Timestamp[]::new),
                        rows.stream().map(NewBehaviour::properties).toArray(String[]::new))
                .update();
    }

    /** Her traits with the identify call's on top, and the typed facts read from them again. */
    void applyTraits(UUID profileId, ObjectNode newTraits, Instant now) {
        ObjectNode traits = (ObjectNode) json.read(jdbc.sql("SELECT traits::text FROM segments.profile_fact WHERE profile_id = ?")
                .param(profileId).query(String.class).single());
        newTraits.properties().forEach(trait -> traits.set(trait.getKey(), trait.getValue()));
        writeTraits(profileId, traits, now);
    }

    void setConsents(UUID profileId, Set<String> consents) {
        jdbc.sql("UPDATE segments.profile_fact SET consents = ? WHERE profile_id = ?")
                .params(consents.stream().sorted().toArray(String[]::new), profileId).update();
    }

    /**
     * "Profiles Merged": the absorbed profile's behaviour becomes the survivor's, its traits fill what the
     * survivor lacks, and its facts row goes.
     */
    void merge(UUID survivor, UUID merged, Instant now) {
        jdbc.sql("UPDATE segments.behaviour SET profile_id = ? WHERE profile_id = ?").params(survivor, merged).update();
        String absorbed = jdbc.sql("DELETE FROM segments.profile_fact WHERE profile_id = ? RETURNING traits::text")
                .param(merged).query(String.class).optional().orElse(null);
        if (absorbed != null) {
            ObjectNode traits = (ObjectNode) json.read(absorbed);
            ObjectNode own = (ObjectNode) json.read(jdbc.sql(
                    "SELECT traits::text FROM segments.profile_fact WHERE profile_id = ?").param(survivor)
                    .query(String.class).single());
            own.properties().forEach(trait -> traits.set(trait.getKey(), trait.getValue()));
            writeTraits(survivor, traits, now);
        }
    }

    Facts load(UUID profileId) {
        Facts facts = jdbc.sql("""
                SELECT profile_id, traits::text AS traits, consents, birth_date, country, city, postcode, latitude,
                       longitude
                FROM segments.profile_fact WHERE profile_id = ?""").param(profileId)
                .query((rs, row) -> new Facts(Rows.uuid(rs, "profile_id"), json.read(rs.getString("traits")),
                        new HashSet<>(Arrays.asList((String[]) rs.getArray("consents").getArray())),
                        rs.getObject("birth_date", LocalDate.class), rs.getString("country"), rs.getString("city"),
                        rs.getString("postcode"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                        List.of()))
                .optional().orElseGet(() -> new Facts(profileId, json.emptyObject(), Set.of(), null, null, null, null,
                        null, null, List.of()));
        List<Facts.Behaviour> behaviour = jdbc.sql("""
                SELECT name, channel, occurred_at, properties::text AS properties FROM segments.behaviour
                WHERE profile_id = ? ORDER BY occurred_at, seq""").param(profileId)
                .query((rs, row) -> new Facts.Behaviour(rs.getString("name"), rs.getString("channel"),
                        Rows.instant(rs, "occurred_at"), json.read(rs.getString("properties"))))
                .list();
        return new Facts(facts.profileId(), facts.traits(), facts.consents(), facts.birthDate(), facts.country(),
                facts.city(), facts.postcode(), facts.latitude(), facts.longitude(), behaviour);
    }

    /** Forgets behaviour older than any window can reach. */
    int prune(Instant before) {
        return jdbc.sql("DELETE FROM segments.behaviour WHERE occurred_at < ?").param(Rows.timestamp(before)).update();
    }

    long profiles() {
        return jdbc.sql("SELECT count(*) FROM segments.profile_fact").query(Long.class).single();
    }

    private void writeTraits(UUID profileId, ObjectNode traits, Instant now) {
        JsonNode address = traits.path("address");
        jdbc.sql("""
                UPDATE segments.profile_fact SET traits = ?::jsonb, birth_date = ?::date, country = ?, city = ?,
                    postcode = ?, latitude = ?, longitude = ?, updated_at = ?
                WHERE profile_id = ?""")
                .params(json.write(traits), birthDate(traits.path("birthday")),
                        upper(text(address, traits, "country")), text(address, traits, "city"),
                        postcode(address, traits), coordinate(address, "latitude", 90),
                        coordinate(address, "longitude", 180), Rows.timestamp(now), profileId)
                .update();
    }

    /** Segment's {@code birthday} trait: a date, or a date and time of which the date counts. */
    static @Nullable String birthDate(JsonNode birthday) {
        if (!birthday.isString() || birthday.asString().length() < 10) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(birthday.asString().substring(0, 10));
            return date.getYear() < 1870 ? null : date.toString();
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode address, JsonNode traits, String field) {
        JsonNode value = address.path(field).isString() ? address.path(field) : traits.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            return null;
        }
        return value.asString().strip();
    }

    private static @Nullable String postcode(JsonNode address, JsonNode traits) {
        for (String field : List.of("postal_code", "postalCode", "postcode")) {
            String value = text(address, traits, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable String upper(@Nullable String text) {
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
    }

    private static @Nullable Double coordinate(JsonNode address, String field, double limit) {
        JsonNode value = address.path(field);
        if (!value.isNumber() || Math.abs(value.asDouble()) > limit) {
            return null;
        }
        return value.asDouble();
    }
}
