package io.throughline.customers.internal;

import io.throughline.events.Identifier;
import io.throughline.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity graph's tables, read and written in whole batches: one query for the owners of a batch's unknown
 * identifiers, one for what the batch needs to know of the profiles it may merge, one statement each for the
 * profiles, identifiers and conflicts a batch adds, and one statement per merge.
 */
@Component
class IdentityStore {

    /** When a profile was created, and the values of limited types it holds (e.g. its user id). */
    record ProfileFacts(Map<UUID, Instant> createdAt, Map<UUID, Map<String, Set<String>>> limitedValues) {}

    /** A new identifier for a profile, and which of the profile's identifiers it arrived with. */
    record NewIdentity(Identifier identifier, UUID profile, Instant firstSeenAt, @Nullable String attachedVia) {}

    /** An identifier that was not attached because of a per-type limit. */
    record Conflict(UUID profile, @Nullable UUID conflictingProfile, Identifier identifier, String reason,
            Instant recordedAt) {}

    /**
     * Someone else (staff, through the API) took one of the batch's new identifiers for another profile after the
     * batch read them: the batch is written again, and then reads the identifier's owner.
     */
    static final class IdentifierClaimedMeanwhile extends RuntimeException {
        IdentifierClaimedMeanwhile(String type) {
            super("An identifier of type " + type + " was claimed by another profile while the batch resolved it");
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdentityStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The profiles that hold these identifiers: one index look-up each, in one statement. */
    Map<Identifier, UUID> owners(Collection<Identifier> identifiers) {
        Map<Identifier, UUID> owners = new HashMap<>();
        if (identifiers.isEmpty()) {
            return owners;
        }
        jdbc.sql("""
                SELECT i.type, i.value, i.profile_id FROM unnest(?::text[], ?::text[]) AS wanted(type, value)
                CROSS JOIN LATERAL (SELECT type, value, profile_id FROM customers.identity
                                    WHERE type = wanted.type AND value = wanted.value) i""")
                .params(identifiers.stream().map(Identifier::type).toArray(String[]::new),
                        identifiers.stream().map(Identifier::value).toArray(String[]::new))
                .query(rs -> {
                    owners.put(new Identifier(rs.getString(1), rs.getString(2)), rs.getObject(3, UUID.class));
                });
        return owners;
    }

    ProfileFacts facts(Collection<UUID> profiles, Set<String> limitedTypes) {
        Map<UUID, Instant> createdAt = new HashMap<>();
        Map<UUID, Map<String, Set<String>>> limitedValues = new HashMap<>();
        if (profiles.isEmpty()) {
            return new ProfileFacts(createdAt, limitedValues);
        }
        jdbc.sql("""
                SELECT p.id, p.created_at, i.type, i.value FROM customers.profile p
                LEFT JOIN customers.identity i ON i.profile_id = p.id AND i.type = ANY(?)
                WHERE p.id = ANY(?::uuid[])""")
                .params(limitedTypes.toArray(String[]::new), texts(profiles))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    createdAt.put(id, rs.getTimestamp(2).toInstant());
                    Map<String, Set<String>> values = limitedValues.computeIfAbsent(id, p -> new HashMap<>());
                    String type = rs.getString(3);
                    if (type != null) {
                        values.computeIfAbsent(type, t -> new HashSet<>()).add(rs.getString(4));
                    }
                });
        return new ProfileFacts(createdAt, limitedValues);
    }

    void createProfiles(Map<UUID, Instant> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO customers.profile (id, created_at, updated_at)
                SELECT id, at, at FROM unnest(?::uuid[], ?::timestamptz[]) AS p(id, at)""")
                .params(texts(profiles.keySet()), texts(profiles.values())).update();
    }

    /**
     * Adds the identifiers. The row that exists is the truth: when another profile already holds one (staff claimed
     * it a moment ago in another transaction), nothing is written and {@link IdentifierClaimedMeanwhile} is thrown.
     */
    void attach(List<NewIdentity> identities) {
        if (identities.isEmpty()) {
            return;
        }
        Map<Identifier, UUID> expected = new HashMap<>();
        identities.forEach(identity -> expected.put(identity.identifier(), identity.profile()));
        jdbc.sql("""
                INSERT INTO customers.identity (type, value, profile_id, first_seen_at, attached_via)
                SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[], ?::timestamptz[], ?::text[])
                ON CONFLICT (type, value) DO UPDATE SET type = excluded.type
                RETURNING type, value, profile_id""")
                .params(identities.stream().map(identity -> identity.identifier().type()).toArray(String[]::new),
                        identities.stream().map(identity -> identity.identifier().value()).toArray(String[]::new),
                        texts(identities.stream().map(NewIdentity::profile).toList()),
                        texts(identities.stream().map(NewIdentity::firstSeenAt).toList()),
                        identities.stream().map(NewIdentity::attachedVia).toArray(String[]::new))
                .query(rs -> {
                    Identifier identifier = new Identifier(rs.getString(1), rs.getString(2));
                    if (!rs.getObject(3, UUID.class).equals(expected.get(identifier))) {
                        throw new IdentifierClaimedMeanwhile(identifier.type());
                    }
                });
    }

    void recordConflicts(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO customers.identity_conflict
                    (profile_id, conflicting_profile_id, type, value, reason, recorded_at)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])""")
                .params(texts(conflicts.stream().map(Conflict::profile).toList()),
                        conflicts.stream().map(Conflict::conflictingProfile)
                                .map(profile -> profile == null ? null : profile.toString()).toArray(String[]::new),
                        conflicts.stream().map(conflict -> conflict.identifier().type()).toArray(String[]::new),
                        conflicts.stream().map(conflict -> conflict.identifier().value()).toArray(String[]::new),
                        conflicts.stream().map(Conflict::reason).toArray(String[]::new),
                        texts(conflicts.stream().map(Conflict::recordedAt).toList()))
                .update();
    }

    /**
     * Merges {@code merged} into {@code survivor} in one statement: its identifiers move, the survivor's gaps in
     * name and contact are filled (its own values kept in the merge record, to restore on unmerge), and the merged
     * profile points at the survivor. Returns the identifiers that moved. (Traits and channel activity follow when
     * the profile-activity processor reaches the merge in the log.)
     */
    List<Identifier> merge(UUID survivor, UUID merged, String cause) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Identifier> moved = new ArrayList<>();
        // Every part reads the rows as they were before the statement, so the survivor's contact details are
        // recorded before its gaps are filled.
        jdbc.sql("""
                WITH moved AS (
                    UPDATE customers.identity SET profile_id = :survivor WHERE profile_id = :merged
                    RETURNING type, value
                ), filled AS (
                    UPDATE customers.profile s SET
                        given_name = coalesce(s.given_name, m.given_name),
                        family_name = coalesce(s.family_name, m.family_name),
                        email = coalesce(s.email, m.email), phone = coalesce(s.phone, m.phone), updated_at = :now,
                        -- A contact point taken over keeps whether it was verified: an unverified one stays so.
                        email_origin = CASE WHEN s.email IS NULL AND m.email IS NOT NULL THEN 'MERGE'
                            ELSE s.email_origin END,
                        email_verified = CASE WHEN s.email IS NULL AND m.email IS NOT NULL THEN m.email_verified
                            ELSE s.email_verified END,
                        phone_origin = CASE WHEN s.phone IS NULL AND m.phone IS NOT NULL THEN 'MERGE'
                            ELSE s.phone_origin END,
                        phone_verified = CASE WHEN s.phone IS NULL AND m.phone IS NOT NULL THEN m.phone_verified
                            ELSE s.phone_verified END
                    FROM customers.profile m WHERE s.id = :survivor AND m.id = :merged
                ), absorbed AS (
                    UPDATE customers.profile SET merged_into = :survivor, updated_at = :now WHERE id = :merged
                ), recorded AS (
                    INSERT INTO customers.merge
                        (id, survivor_id, merged_id, cause, merged_at, moved_identities, survivor_contact)
                    SELECT :id, :survivor, :merged, :cause, :now,
                           coalesce((SELECT jsonb_agg(jsonb_build_object('type', type, 'value', value)) FROM moved),
                                    '[]'::jsonb),
                           jsonb_build_object('given_name', s.given_name, 'family_name', s.family_name,
                                              'email', s.email, 'phone', s.phone)
                    FROM customers.profile s WHERE s.id = :survivor
                )
                SELECT type, value FROM moved""")
                .param("survivor", survivor).param("merged", merged).param("now", now)
                .param("id", Ids.newId(clock)).param("cause", cause)
                .query(rs -> {
                    moved.add(new Identifier(rs.getString(1), rs.getString(2)));
                });
        return moved;
    }

    /** Registers an identifier for a profile; returns the profile that holds it now (another one if it was taken). */
    UUID claim(UUID profile, Identifier identifier, Instant at) {
        return jdbc.sql("""
                INSERT INTO customers.identity (type, value, profile_id, first_seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (type, value) DO UPDATE SET type = excluded.type
                RETURNING profile_id""")
                .params(identifier.type(), identifier.value(), profile, Timestamp.from(at))
                .query(UUID.class).single();
    }

    /** Values as text, which the statements cast to their types: ids and instants (ISO-8601, in UTC) alike. */
    private static String[] texts(Collection<?> values) {
        return values.stream().map(Object::toString).toArray(String[]::new);
    }
}
