package io.throughline.customers.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.customers.internal.IdentityStore.Conflict;
import io.throughline.customers.internal.IdentityStore.NewIdentity;
import io.throughline.events.Identifier;
import io.throughline.events.IdentityResolution;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.privacy.CustomerErased;
import io.throughline.privacy.Suppressions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Resolves the identifiers of incoming events to profiles, inside the log writer's transaction.
 *
 * <p>Known identifiers are answered from memory; the batch's unknown ones are looked up in one query, and what the
 * batch needs to know of the profiles it may merge or fill up in another. A new identifier joins the profile its
 * event resolved to; an event whose identifiers belong to two profiles merges them into the older one, unless that
 * would break a per-type limit (one user id per profile by default), in which case the event stays with its
 * strongest identifier's profile and the conflict is recorded. New profiles, identifiers and conflicts are written
 * together at the end of the batch (or before a merge, which moves rows in the database), not one by one. Changes
 * become visible to the in-memory cache only after the transaction commits, so a rolled-back batch leaves no trace.
 */
@Component
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityGraph implements IdentityResolution {

    /** What one batch has read and changed; written at its end, published to the shared cache on commit. */
    private static final class BatchState {
        final Map<Identifier, UUID> owners = new HashMap<>();
        final Map<Identifier, UUID> changed = new HashMap<>();
        final Map<UUID, Instant> createdAt = new HashMap<>();
        final Map<UUID, Map<String, Set<String>>> limitedValues = new HashMap<>();
        final List<ProfilesMerged> merges = new ArrayList<>();
        final Map<UUID, Instant> newProfiles = new LinkedHashMap<>();
        final List<NewIdentity> newIdentities = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();

        @Nullable UUID owner(Identifier identifier) {
            return owners.get(identifier);
        }

        void assign(Identifier identifier, UUID profile) {
            owners.put(identifier, profile);
            changed.put(identifier, profile);
        }
    }

    private static final Comparator<Identifier> STRONGEST_FIRST =
            Comparator.comparingInt(identifier -> IdentifierPolicy.priority(identifier.type()));

    private final IdentityStore store;
    private final Clock clock;
    private final IdentifierPolicy policy;
    private final Map<String, Integer> limits;
    private final Cache<Identifier, UUID> cache;
    private final Suppressions suppressions;

    IdentityGraph(IdentityStore store, Clock clock, IdentityProperties properties, ContactPolicy contacts,
            Suppressions suppressions) {
        this.store = store;
        this.suppressions = suppressions;
        this.clock = clock;
        this.policy = new IdentifierPolicy(properties.blockedValues(), contacts);
        this.limits = properties.maxPerProfile();
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
    }

    IdentifierPolicy policy() {
        return policy;
    }

    /**
     * The profile the graph's memory holds for a normalised identifier, or null when it does not know it. Resolution
     * keeps it true: merges, unmerges and erasures change it once they commit.
     */
    @Nullable UUID remembered(Identifier identifier) {
        return cache.getIfPresent(identifier);
    }

    @Override
    public Resolved resolve(List<List<Identifier>> identifiersPerEvent, Instant receivedAt) {
        BatchState batch = new BatchState();
        List<List<Identifier>> ordered = new ArrayList<>(identifiersPerEvent.size());
        for (List<Identifier> identifiers : identifiersPerEvent) {
            List<Identifier> usable = new ArrayList<>(policy.usable(identifiers));
            usable.sort(STRONGEST_FIRST);
            ordered.add(usable);
        }
        load(batch, ordered);
        loadFacts(batch, ordered);
        List<@Nullable UUID> profiles = new ArrayList<>(ordered.size());
        List<@Nullable String> resolvedVia = new ArrayList<>(ordered.size());
        for (List<Identifier> identifiers : ordered) {
            if (namesAnErasedPerson(batch, identifiers)) {
                // Dropped, not anonymised: its payload is hers (traits, email, what she did), so no stripped copy
                // would be free of her, and storing it would bring her back. The log answers it as Suppressed.
                profiles.add(null);
                resolvedVia.add(null);
                continue;
            }
            UUID profile = resolveOne(batch, identifiers, receivedAt);
            profiles.add(profile);
            resolvedVia.add(identifiers.stream().filter(identifier -> profile.equals(batch.owner(identifier)))
                    .map(IdentityGraph::historyKey).findFirst().orElse(null));
        }
        flush(batch);
        publishOnCommit(batch.changed);
        return new Resolved(profiles, resolvedVia, List.copyOf(batch.merges));
    }

    /**
     * Whether the event carries an identifier nobody holds that is on the suppression list: an erased person's
     * email, phone, user id or device, arriving again from any channel before she consented again. Identifiers a
     * profile holds are not asked about: erasure removed hers, so a held one is someone's who is here now.
     */
    private boolean namesAnErasedPerson(BatchState batch, List<Identifier> identifiers) {
        for (Identifier identifier : identifiers) {
            if (batch.owner(identifier) == null && suppressions.isSuppressed(identifier.type(), identifier.value())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An erased person's identifiers leave memory once her erasure commits, so that no event finds her deleted
     * profile through them. After commit and in the erasing thread, not through the event publication registry:
     * a cache is not state to retry, and an event resolved meanwhile to the deleted profile would keep her data.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(CustomerErased erased) {
        Set<UUID> profiles = Set.copyOf(erased.erasedProfileIds());
        cache.asMap().values().removeIf(profiles::contains);
    }

    /** Brings the owners of the batch's identifiers into the batch: from memory, the rest in one query. */
    private void load(BatchState batch, List<List<Identifier>> identifiersPerEvent) {
        Set<Identifier> missing = new LinkedHashSet<>();
        for (List<Identifier> identifiers : identifiersPerEvent) {
            for (Identifier identifier : identifiers) {
                UUID cached = cache.getIfPresent(identifier);
                if (cached != null) {
                    batch.owners.put(identifier, cached);
                } else {
                    missing.add(identifier);
                }
            }
        }
        Map<Identifier, UUID> found = store.owners(missing);
        batch.owners.putAll(found);
        cache.putAll(found);
    }

    /**
     * Reads, in one query, the creation time and limited identifiers of every profile the batch may merge or give
     * a limited identifier: those of events that name two profiles or a limited identifier nobody holds yet.
     */
    private void loadFacts(BatchState batch, List<List<Identifier>> identifiersPerEvent) {
        Set<UUID> wanted = new HashSet<>();
        for (List<Identifier> identifiers : identifiersPerEvent) {
            Set<UUID> owners = new HashSet<>();
            boolean newLimited = false;
            for (Identifier identifier : identifiers) {
                UUID owner = batch.owner(identifier);
                if (owner != null) {
                    owners.add(owner);
                } else if (limits.containsKey(identifier.type())) {
                    newLimited = true;
                }
            }
            if (owners.size() > 1 || (newLimited && !owners.isEmpty())) {
                wanted.addAll(owners);
            }
        }
        var facts = store.facts(wanted, limits.keySet());
        batch.createdAt.putAll(facts.createdAt());
        batch.limitedValues.putAll(facts.limitedValues());
    }

    private UUID resolveOne(BatchState batch, List<Identifier> ordered, Instant receivedAt) {
        List<UUID> owners = ordered.stream().map(batch::owner).filter(java.util.Objects::nonNull).distinct().toList();
        UUID profile;
        if (owners.isEmpty()) {
            profile = createProfile(batch, receivedAt);
        } else if (isNewAndClashesWith(batch, ordered.getFirst(), owners.getFirst())) {
            // A second person on a shared device: her own user id is new, and the device's profile already
            // has another. She gets a profile of her own; the device stays where it was.
            profile = createProfile(batch, receivedAt);
            for (UUID other : owners) {
                recordConflict(batch, other, profile, firstOwnedBy(batch, ordered, other),
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
                    recordConflict(batch, other, profile, firstOwnedBy(batch, ordered, other),
                            "merge would exceed the limit of identifiers per profile");
                }
            }
        }
        // New identifiers record which of the profile's identifiers they arrived with: the history an undone
        // merge follows to split the profile back.
        UUID resolved = profile;
        String arrivedWith = ordered.stream().filter(identifier -> resolved.equals(batch.owner(identifier)))
                .map(IdentityGraph::historyKey).findFirst().orElse(null);
        for (Identifier identifier : ordered) {
            if (batch.owner(identifier) == null) {
                attach(batch, profile, identifier, receivedAt, arrivedWith);
            }
        }
        return profile;
    }

    /** Whether the identifier is unknown, of a limited type, and the profile is already full of that type. */
    private boolean isNewAndClashesWith(BatchState batch, Identifier identifier, UUID profile) {
        Integer limit = limits.get(identifier.type());
        if (limit == null || batch.owner(identifier) != null) {
            return false;
        }
        Set<String> held = limitedValues(batch, profile).getOrDefault(identifier.type(), Set.of());
        return !held.contains(identifier.value()) && held.size() >= limit;
    }

    private UUID createProfile(BatchState batch, Instant receivedAt) {
        UUID id = Ids.newId(clock);
        batch.newProfiles.put(id, receivedAt);
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
                recordConflict(batch, profile, null, identifier, "profile already holds " + limit + " "
                        + identifier.type());
                return;
            }
            held.add(identifier.value());
        }
        batch.newIdentities.add(new NewIdentity(identifier, profile, receivedAt, arrivedWith));
        batch.assign(identifier, profile);
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
        // Traits and channel activity are not copied here: the profile-activity processor carries them over when
        // it reaches this merge's event in the log, after every event it applied to the absorbed profile, so the
        // writer never waits for a processor's batch.
        Instant firstCreated = createdAt(batch, first);
        Instant secondCreated = createdAt(batch, second);
        boolean firstSurvives = firstCreated.isBefore(secondCreated)
                || (firstCreated.equals(secondCreated) && first.compareTo(second) < 0);
        UUID survivor = firstSurvives ? first : second;
        UUID merged = firstSurvives ? second : first;
        // The merge moves rows in the database, so what the batch has added so far must be there.
        flush(batch);
        String causeText = "event named " + cause.stream().map(Identifier::type).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("identifiers") + " of both profiles";
        for (Identifier moved : store.merge(survivor, merged, causeText)) {
            batch.assign(moved, survivor);
        }
        Map<String, Set<String>> survivorValues = limitedValues(batch, survivor);
        limitedValues(batch, merged).forEach((type, values) ->
                survivorValues.computeIfAbsent(type, t -> new HashSet<>()).addAll(values));
        batch.merges.add(new ProfilesMerged(survivor, merged, causeText));
        return survivor;
    }

    /** Writes the profiles, identifiers and conflicts the batch has added so far. */
    private void flush(BatchState batch) {
        store.createProfiles(batch.newProfiles);
        batch.newProfiles.clear();
        store.attach(batch.newIdentities);
        batch.newIdentities.clear();
        store.recordConflicts(batch.conflicts);
        batch.conflicts.clear();
    }

    private Map<String, Set<String>> limitedValues(BatchState batch, UUID profile) {
        if (!batch.limitedValues.containsKey(profile)) {
            // Not foreseen by loadFacts; the batch's own additions for this profile cannot exist yet, since adding
            // a limited identifier reads the profile's values first.
            var facts = store.facts(List.of(profile), limits.keySet());
            batch.createdAt.putAll(facts.createdAt());
            batch.limitedValues.put(profile, facts.limitedValues().getOrDefault(profile, new HashMap<>()));
        }
        return batch.limitedValues.get(profile);
    }

    private Instant createdAt(BatchState batch, UUID profile) {
        if (!batch.createdAt.containsKey(profile)) {
            limitedValues(batch, profile);
        }
        return batch.createdAt.get(profile);
    }

    private static Identifier firstOwnedBy(BatchState batch, List<Identifier> identifiers, UUID profile) {
        return identifiers.stream().filter(identifier -> profile.equals(batch.owner(identifier)))
                .findFirst().orElse(identifiers.getFirst());
    }

    private void recordConflict(BatchState batch, UUID profile, @Nullable UUID conflictingProfile,
            Identifier identifier, String reason) {
        batch.conflicts.add(new Conflict(profile, conflictingProfile, identifier, reason, clock.instant()));
    }

    private void publishOnCommit(Map<Identifier, UUID> changed) {
        if (changed.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.putAll(changed);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.putAll(changed);
            }
        });
    }

    @Override
    public void forgetRemembered() {
        cache.invalidateAll();
    }

    /** Forgets what memory holds about these identifiers, after a change made outside resolution. */
    void forget(List<Identifier> identifiers) {
        identifiers.forEach(cache::invalidate);
    }

    /**
     * Registers identifiers stated by staff or the API for an existing profile; returns the type of the first
     * one that another profile already holds, if any.
     */
    Optional<String> claim(UUID profile, List<Identifier> identifiers, Instant at) {
        for (Identifier identifier : policy.usable(identifiers)) {
            if (suppressions.isSuppressed(identifier.type(), identifier.value())) {
                // Staff may not bring an erased customer back by typing her email: she has to consent again,
                // and lifting her suppression (POST /api/privacy/suppressions/lift) is how that is recorded.
                throw new ConflictException(identifier.type(), "This " + identifier.type()
                        + " belongs to a customer who was erased; lift its suppression once she consents again");
            }
            if (!store.claim(profile, identifier, at).equals(profile)) {
                return Optional.of(identifier.type());
            }
            publishOnCommit(Map.of(identifier, profile));
        }
        return Optional.empty();
    }
}
