package io.throughline.customers.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.events.Identifier;
import io.throughline.events.IdentityResolution;
import io.throughline.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves the identifiers of incoming events to profiles, inside the log writer's transaction.
 *
 * <p>Known identifiers are answered from memory; the batch's unknown ones are looked up in one query.
 * A new identifier joins the profile its event resolved to; an event whose identifiers belong to two
 * profiles merges them into the older one, unless that would break a per-type limit (one user id per
 * profile by default), in which case the event stays with its strongest identifier's profile and the
 * conflict is recorded. Changes become visible to the in-memory cache only after the transaction commits,
 * so a rolled-back batch leaves no trace.
 */
@Component
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityGraph implements IdentityResolution {

    private record Key(String type, String value) {
        static Key of(Identifier identifier) {
            return new Key(identifier.type(), identifier.value());
        }
    }

    /** What one batch has read and changed; published to the shared cache on commit. */
    private final class BatchState {
        final Map<Key, UUID> owners = new HashMap<>();
        final Map<Key, UUID> changed = new HashMap<>();
        final Map<UUID, Instant> createdAt = new HashMap<>();
        final Map<UUID, Map<String, Set<String>>> limitedValues = new HashMap<>();
        final List<ProfilesMerged> merges = new ArrayList<>();

        @Nullable UUID owner(Key key) {
            return owners.get(key);
        }

        void assign(Key key, UUID profile) {
            owners.put(key, profile);
            changed.put(key, profile);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final IdentifierPolicy policy;
    private final Map<String, Integer> limits;
    private final Cache<Key, UUID> cache;

    private final ProfileActivityProcessor activity;

    IdentityGraph(JdbcClient jdbc, JsonMapper json, Clock clock, IdentityProperties properties,
            ContactPolicy contacts, ProfileActivityProcessor activity) {
        this.activity = activity;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.policy = new IdentifierPolicy(properties.blockedValues(), contacts);
        this.limits = properties.maxPerProfile();
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
    }

    IdentifierPolicy policy() {
        return policy;
    }

    @Override
    public Resolved resolve(List<List<Identifier>> identifiersPerEvent, Instant receivedAt) {
        BatchState batch = new BatchState();
        List<List<Identifier>> usable = identifiersPerEvent.stream().map(policy::usable).toList();
        load(batch, usable);
        List<UUID> profiles = new ArrayList<>(usable.size());
        List<String> resolvedVia = new ArrayList<>(usable.size());
        for (List<Identifier> identifiers : usable) {
            UUID profile = resolveOne(batch, identifiers, receivedAt);
            profiles.add(profile);
            resolvedVia.add(identifiers.stream()
                    .sorted(Comparator.comparingInt(identifier -> IdentifierPolicy.priority(identifier.type())))
                    .filter(identifier -> profile.equals(batch.owner(Key.of(identifier))))
                    .map(IdentityGraph::historyKey).findFirst().orElse(null));
        }
        publishOnCommit(batch);
        return new Resolved(profiles, resolvedVia, List.copyOf(batch.merges));
    }

    /** Brings the owners of the batch's identifiers into the batch: from memory, the rest in one query. */
    private void load(BatchState batch, List<List<Identifier>> usable) {
        Set<Key> missing = new LinkedHashSet<>();
        for (List<Identifier> identifiers : usable) {
            for (Identifier identifier : identifiers) {
                Key key = Key.of(identifier);
                UUID cached = cache.getIfPresent(key);
                if (cached != null) {
                    batch.owners.put(key, cached);
                } else {
                    missing.add(key);
                }
            }
        }
        if (!missing.isEmpty()) {
            jdbc.sql("""
                    SELECT i.type, i.value, i.profile_id FROM customers.identity i
                    JOIN unnest(?::text[], ?::text[]) AS wanted(type, value)
                      ON wanted.type = i.type AND wanted.value = i.value""")
                    .params(missing.stream().map(Key::type).toArray(String[]::new),
                            missing.stream().map(Key::value).toArray(String[]::new))
                    .query(rs -> {
                        Key key = new Key(rs.getString(1), rs.getString(2));
                        UUID owner = rs.getObject(3, UUID.class);
                        batch.owners.put(key, owner);
                        cache.put(key, owner);
                    });
        }
    }

    private UUID resolveOne(BatchState batch, List<Identifier> identifiers, Instant receivedAt) {
        List<Identifier> ordered = identifiers.stream()
                .sorted(Comparator.comparingInt(identifier -> IdentifierPolicy.priority(identifier.type())))
                .toList();
        List<UUID> owners = ordered.stream().map(identifier -> batch.owner(Key.of(identifier)))
                .filter(java.util.Objects::nonNull).distinct().toList();
        UUID profile;
        if (owners.isEmpty()) {
            profile = createProfile(batch, receivedAt);
        } else if (isNewAndClashesWith(batch, ordered.getFirst(), owners.getFirst())) {
            // A second person on a shared device: her own user id is new, and the device's profile already
            // has another. She gets a profile of her own; the device stays where it was.
            profile = createProfile(batch, receivedAt);
            for (UUID other : owners) {
                recordConflict(other, profile, firstOwnedBy(batch, ordered, other),
                        "identifier of another profile that holds a different " + ordered.getFirst().type());
            }
        } else {
            profile = owners.getFirst();
            for (UUID other : owners.subList(1, owners.size())) {
                if (other.equals(profile)) {
                    continue;
                }
                if (canMerge(batch, profile, other)) {
                    profile = merge(batch, profile, other, ordered);
                } else {
                    recordConflict(other, profile, firstOwnedBy(batch, ordered, other), "merge would exceed "
                            + "the limit of identifiers per profile");
                }
            }
        }
        // New identifiers record which of the profile's identifiers they arrived with: the history an undone
        // merge follows to split the profile back.
        UUID resolved = profile;
        String arrivedWith = ordered.stream().filter(identifier -> resolved.equals(batch.owner(Key.of(identifier))))
                .map(IdentityGraph::historyKey).findFirst().orElse(null);
        for (Identifier identifier : ordered) {
            Key key = Key.of(identifier);
            if (batch.owner(key) == null) {
                attach(batch, profile, identifier, receivedAt, arrivedWith);
            }
        }
        return profile;
    }

    /** Whether the identifier is unknown, of a limited type, and the profile is already full of that type. */
    private boolean isNewAndClashesWith(BatchState batch, Identifier identifier, UUID profile) {
        Integer limit = limits.get(identifier.type());
        if (limit == null || batch.owner(Key.of(identifier)) != null) {
            return false;
        }
        Set<String> held = limitedValues(batch, profile).getOrDefault(identifier.type(), Set.of());
        return !held.contains(identifier.value()) && held.size() >= limit;
    }

    private UUID createProfile(BatchState batch, Instant receivedAt) {
        UUID id = Ids.newId(clock);
        jdbc.sql("INSERT INTO customers.profile (id, created_at, updated_at) VALUES (?, ?, ?)")
                .params(id, Timestamp.from(receivedAt), Timestamp.from(receivedAt)).update();
        batch.createdAt.put(id, receivedAt);
        batch.limitedValues.put(id, new HashMap<>());
        return id;
    }

    /** How identifiers are named in the recorded history: {@code type:value}. */
    static String historyKey(Identifier identifier) {
        return identifier.type() + ":" + identifier.value();
    }

    private void attach(BatchState batch, UUID profile, Identifier identifier, Instant receivedAt,
            @Nullable String arrivedWith) {
        Integer limit = limits.get(identifier.type());
        if (limit != null) {
            Set<String> held = limitedValues(batch, profile).computeIfAbsent(identifier.type(), t -> new HashSet<>());
            if (!held.contains(identifier.value()) && held.size() >= limit) {
                recordConflict(profile, null, identifier, "profile already holds " + limit + " " + identifier.type());
                return;
            }
            held.add(identifier.value());
        }
        // Staff may have claimed the same identifier a moment ago in another transaction: the row that
        // exists is the truth, and memory follows it.
        UUID owner = jdbc.sql("""
                INSERT INTO customers.identity (type, value, profile_id, first_seen_at, attached_via)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (type, value) DO UPDATE SET type = excluded.type
                RETURNING profile_id""")
                .params(identifier.type(), identifier.value(), profile, Timestamp.from(receivedAt), arrivedWith)
                .query(UUID.class).single();
        batch.assign(Key.of(identifier), owner);
    }

    private boolean canMerge(BatchState batch, UUID first, UUID second) {
        for (var limit : limits.entrySet()) {
            Set<String> union = new HashSet<>(limitedValues(batch, first).getOrDefault(limit.getKey(), Set.of()));
            union.addAll(limitedValues(batch, second).getOrDefault(limit.getKey(), Set.of()));
            if (union.size() > limit.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Merges two profiles into the older one (the id breaks a tie); returns the survivor. */
    private UUID merge(BatchState batch, UUID first, UUID second, List<Identifier> cause) {
        // A processor batch that is writing the absorbed profile's traits finishes first, so that the
        // copy below includes them.
        activity.lock();
        Instant firstCreated = createdAt(batch, first);
        Instant secondCreated = createdAt(batch, second);
        boolean firstSurvives = firstCreated.isBefore(secondCreated)
                || (firstCreated.equals(secondCreated) && first.compareTo(second) < 0);
        UUID survivor = firstSurvives ? first : second;
        UUID merged = firstSurvives ? second : first;
        List<Map<String, String>> moved = new ArrayList<>();
        jdbc.sql("UPDATE customers.identity SET profile_id = ? WHERE profile_id = ? RETURNING type, value")
                .params(survivor, merged)
                .query(rs -> {
                    Key key = new Key(rs.getString(1), rs.getString(2));
                    batch.assign(key, survivor);
                    moved.add(Map.of("type", key.type(), "value", key.value()));
                });
        jdbc.sql("""
                INSERT INTO customers.trait (profile_id, name, value, observed_at)
                SELECT ?, name, value, observed_at FROM customers.trait WHERE profile_id = ?
                ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, observed_at = excluded.observed_at
                WHERE excluded.observed_at > customers.trait.observed_at""").params(survivor, merged).update();
        jdbc.sql("""
                INSERT INTO customers.channel_activity (profile_id, channel, first_seen_at, last_seen_at, events)
                SELECT ?, channel, first_seen_at, last_seen_at, events FROM customers.channel_activity
                WHERE profile_id = ?
                ON CONFLICT (profile_id, channel) DO UPDATE SET
                    first_seen_at = least(customers.channel_activity.first_seen_at, excluded.first_seen_at),
                    last_seen_at = greatest(customers.channel_activity.last_seen_at, excluded.last_seen_at),
                    events = customers.channel_activity.events + excluded.events""").params(survivor, merged).update();
        String survivorContact = jdbc.sql("""
                SELECT json_build_object('given_name', given_name, 'family_name', family_name, 'email', email,
                                         'phone', phone)::text
                FROM customers.profile WHERE id = ?""").param(survivor).query(String.class).single();
        jdbc.sql("""
                UPDATE customers.profile s SET
                    given_name = coalesce(s.given_name, m.given_name), family_name = coalesce(s.family_name, m.family_name),
                    email = coalesce(s.email, m.email), phone = coalesce(s.phone, m.phone), updated_at = ?
                FROM customers.profile m WHERE s.id = ? AND m.id = ?""")
                .params(Timestamp.from(clock.instant()), survivor, merged).update();
        jdbc.sql("UPDATE customers.profile SET merged_into = ?, updated_at = ? WHERE id = ?")
                .params(survivor, Timestamp.from(clock.instant()), merged).update();
        String causeText = "event named " + cause.stream().map(Identifier::type).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("identifiers") + " of both profiles";
        jdbc.sql("""
                INSERT INTO customers.merge
                    (id, survivor_id, merged_id, cause, merged_at, moved_identities, survivor_contact)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(Ids.newId(clock), survivor, merged, causeText, Timestamp.from(clock.instant()),
                        json.writeValueAsString(moved), survivorContact)
                .update();
        Map<String, Set<String>> survivorValues = limitedValues(batch, survivor);
        limitedValues(batch, merged).forEach((type, values) ->
                survivorValues.computeIfAbsent(type, t -> new HashSet<>()).addAll(values));
        batch.merges.add(new ProfilesMerged(survivor, merged, causeText));
        return survivor;
    }

    private Map<String, Set<String>> limitedValues(BatchState batch, UUID profile) {
        return batch.limitedValues.computeIfAbsent(profile, id -> {
            Map<String, Set<String>> values = new HashMap<>();
            if (!limits.isEmpty()) {
                jdbc.sql("SELECT type, value FROM customers.identity WHERE profile_id = ? AND type = ANY(?)")
                        .params(id, limits.keySet().toArray(String[]::new))
                        .query(rs -> {
                            values.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
                        });
            }
            // Identities this batch gave the profile but has not yet committed are in the database too
            // (same transaction), so the query above sees them.
            return values;
        });
    }

    private Instant createdAt(BatchState batch, UUID profile) {
        return batch.createdAt.computeIfAbsent(profile, id -> jdbc.sql(
                "SELECT created_at FROM customers.profile WHERE id = ?").param(id)
                .query(Timestamp.class).single().toInstant());
    }

    private static Identifier firstOwnedBy(BatchState batch, List<Identifier> identifiers, UUID profile) {
        return identifiers.stream().filter(identifier -> profile.equals(batch.owner(Key.of(identifier))))
                .findFirst().orElse(identifiers.getFirst());
    }

    private void recordConflict(UUID profile, @Nullable UUID conflictingProfile, Identifier identifier,
            String reason) {
        jdbc.sql("""
                INSERT INTO customers.identity_conflict
                    (profile_id, conflicting_profile_id, type, value, reason, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(profile, conflictingProfile, identifier.type(), identifier.value(), reason,
                        Timestamp.from(clock.instant()))
                .update();
    }

    private void publishOnCommit(BatchState batch) {
        if (batch.changed.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.putAll(batch.changed);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.putAll(batch.changed);
            }
        });
    }

    /** Forgets what memory holds about these identifiers, after a change made outside resolution. */
    void forget(List<Identifier> identifiers) {
        identifiers.forEach(identifier -> cache.invalidate(Key.of(identifier)));
    }

    /**
     * Registers identifiers stated by staff or the API for an existing profile; returns the type of the first
     * one that another profile already holds, if any.
     */
    java.util.Optional<String> claim(UUID profile, List<Identifier> identifiers, Instant at) {
        for (Identifier identifier : policy.usable(identifiers)) {
            UUID owner = jdbc.sql("""
                    INSERT INTO customers.identity (type, value, profile_id, first_seen_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (type, value) DO UPDATE SET type = excluded.type
                    RETURNING profile_id""")
                    .params(identifier.type(), identifier.value(), profile, Timestamp.from(at))
                    .query(UUID.class).single();
            if (!owner.equals(profile)) {
                return java.util.Optional.of(identifier.type());
            }
            publishOnCommit(singleChange(Key.of(identifier), profile));
        }
        return java.util.Optional.empty();
    }

    private BatchState singleChange(Key key, UUID profile) {
        BatchState state = new BatchState();
        state.assign(key, profile);
        return state;
    }
}
