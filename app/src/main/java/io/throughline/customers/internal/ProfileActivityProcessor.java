package io.throughline.customers.internal;

import io.throughline.events.EventProcessor;
import io.throughline.events.EventTimeline;
import io.throughline.events.ProcessorOffsets;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.events.ProfileMergeEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the log to keep profiles current: traits from identify calls (per trait, the value with the
 * latest event time wins, so a late event never overwrites a newer trait) and activity per channel (first
 * and last seen, number of events). The names in the profile's own columns follow the traits.
 *
 * <p>A client-side source (a browser or an app, whose write key anyone can read) only adds: its traits fill what
 * the profile lacks and may change what it said itself, but never a trait a trusted source stated, and they only
 * fill an empty name or contact column, marked unverified.
 */
@Component
class ProfileActivityProcessor implements EventProcessor {

    private record Activity(Instant first, Instant last, long events) {
        Activity with(Instant at) {
            return new Activity(at.isBefore(first) ? at : first, at.isAfter(last) ? at : last, events + 1);
        }
    }

    private record ChannelKey(UUID profile, String channel) {}

    /** A trait stated by a client-side source ({@code trusted} false) is kept apart from what trusted sources say. */
    private record TraitKey(UUID profile, String name, boolean trusted) {}

    private record TraitValue(String json, Instant observedAt) {}

    /** Traits that also fill the profile's own name and contact columns. */
    private static final Set<String> CONTACT_TRAITS =
            Set.of("firstName", "first_name", "lastName", "last_name", "email", "phone");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ContactPolicy contacts;
    private final EventTimeline timeline;
    private final ProcessorOffsets offsets;

    ProfileActivityProcessor(JdbcClient jdbc, JsonMapper json, ContactPolicy contacts, EventTimeline timeline,
            ProcessorOffsets offsets) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.offsets = offsets;
        this.json = json;
        this.contacts = contacts;
    }

    @Override
    public String name() {
        return "customers.profile-activity";
    }

    /** Every channel's events count as activity; only identify calls carry traits. */
    @Override
    public Set<EventType> payloadTypes() {
        return EnumSet.of(EventType.IDENTIFY);
    }

    /** "Profiles Merged": the absorbed profile's traits and activity are carried over to the survivor. */
    @Override
    public boolean readsPlatformEvents() {
        return true;
    }

    @Override
    public void process(List<LoggedEvent> events) {
        lock();
        apply(events, true);
    }

    /**
     * Serialises this processor's writes with {@link #rebuild}, so that a batch being processed and a
     * rebuild after an unmerge never interleave on the same profile.
     */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(name()).query().singleRow();
    }

    /**
     * Forgets the profile's traits and activity and derives them again from its events, oldest first, up to
     * where this processor has read: later events it will process in its own time, and must not count twice.
     * Callers hold {@link #lock}, so the offset cannot move meanwhile.
     */
    void rebuild(UUID profile) {
        long processedUpTo = offsets.offset(name());
        jdbc.sql("DELETE FROM customers.trait WHERE profile_id = ?").param(profile).update();
        jdbc.sql("DELETE FROM customers.channel_activity WHERE profile_id = ?").param(profile).update();
        List<LoggedEvent> events = new ArrayList<>();
        Long before = null;
        while (true) {
            List<LoggedEvent> page = timeline.page(profile, before, 1000, null, null);
            events.addAll(page);
            if (page.size() < 1000) {
                break;
            }
            before = page.getLast().seq();
        }
        // Events of profiles merged into this one were moved here with the merge: they count as its own, so the
        // merges are not carried over again.
        apply(events.reversed().stream().filter(event -> event.seq() <= processedUpTo).toList(), false);
    }

    private void apply(List<LoggedEvent> events, boolean carryOverMerges) {
        Map<ChannelKey, Activity> activity = new HashMap<>();
        Map<TraitKey, TraitValue> traits = new HashMap<>();
        for (LoggedEvent event : events) {
            if (event.fromPlatform()) {
                if (carryOverMerges && ProfileMergeEvent.in(event).orElse(null) instanceof ProfileMergeEvent.Merged merge) {
                    // What the batch gathered before the merge belongs to the profiles as they were then.
                    saveActivity(activity);
                    saveTraits(traits);
                    activity.clear();
                    traits.clear();
                    carryOver(merge);
                }
                continue;
            }
            activity.merge(new ChannelKey(event.profileId(), event.channel()),
                    new Activity(event.occurredAt(), event.occurredAt(), 1),
                    (known, fresh) -> known.with(event.occurredAt()));
            if (event.type() == EventType.IDENTIFY) {
                JsonNode payload = json.readTree(event.payload());
                JsonNode eventTraits = payload.path("traits");
                // Events the platform's own modules write carry no trust level: they are the brand's own word.
                boolean trusted = !"client".equals(payload.path("sourceTrust").asString(""));
                if (eventTraits.isObject()) {
                    for (var trait : eventTraits.properties()) {
                        traits.merge(new TraitKey(event.profileId(), trait.getKey(), trusted),
                                new TraitValue(trait.getValue().toString(), event.occurredAt()),
                                (known, fresh) -> fresh.observedAt().isAfter(known.observedAt()) ? fresh : known);
                    }
                }
            }
        }
        saveActivity(activity);
        saveTraits(traits);
    }

    /**
     * Copies the absorbed profile's traits (where newer) and channel activity (summed) to the survivor. Events come
     * in log order, so every event applied to the absorbed profile is in them; events after the merge were resolved
     * to the survivor. A merge undone before this point copies nothing.
     */
    private void carryOver(ProfileMergeEvent.Merged merge) {
        UUID survivor = merge.survivor();
        UUID merged = merge.merged();
        boolean inEffect = jdbc.sql("SELECT count(*) FROM customers.profile WHERE id = ? AND merged_into = ?")
                .params(merged, survivor).query(Long.class).single() > 0;
        if (!inEffect) {
            return;
        }
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
        syncContactColumns(Set.of(survivor), true);
        syncContactColumns(Set.of(survivor), false);
    }

    // Events can name a profile that is gone (erased after the event was logged, or named by a module's event for
    // a profile that never existed): their activity and traits are dropped, since retrying them would hold back
    // every later event of the log.
    private void saveActivity(Map<ChannelKey, Activity> activity) {
        if (activity.isEmpty()) {
            return;
        }
        List<ChannelKey> keys = new ArrayList<>(activity.keySet());
        jdbc.sql("""
                INSERT INTO customers.channel_activity (profile_id, channel, first_seen_at, last_seen_at, events)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[])
                    AS a(profile_id, channel, first_seen_at, last_seen_at, events)
                WHERE EXISTS (SELECT 1 FROM customers.profile p WHERE p.id = a.profile_id)
                ON CONFLICT (profile_id, channel) DO UPDATE SET
                    first_seen_at = least(customers.channel_activity.first_seen_at, excluded.first_seen_at),
                    last_seen_at = greatest(customers.channel_activity.last_seen_at, excluded.last_seen_at),
                    events = customers.channel_activity.events + excluded.events""")
                .params(keys.stream().map(ChannelKey::profile).toArray(UUID[]::new),
                        keys.stream().map(ChannelKey::channel).toArray(String[]::new),
                        keys.stream().map(key -> Timestamp.from(activity.get(key).first())).toArray(Timestamp[]::new),
                        keys.stream().map(key -> Timestamp.from(activity.get(key).last())).toArray(Timestamp[]::new),
                        keys.stream().map(key -> activity.get(key).events()).toArray(Long[]::new))
                .update();
    }

    private void saveTraits(Map<TraitKey, TraitValue> traits) {
        saveTraits(traits, true);
        saveTraits(traits, false);
    }

    private void saveTraits(Map<TraitKey, TraitValue> all, boolean trusted) {
        Map<TraitKey, TraitValue> traits = new HashMap<>();
        all.forEach((key, value) -> {
            if (key.trusted() == trusted) {
                traits.put(key, value);
            }
        });
        if (traits.isEmpty()) {
            return;
        }
        List<TraitKey> keys = new ArrayList<>(traits.keySet());
        // A trusted statement replaces any older one; a client-side one only what a client-side source said.
        jdbc.sql("""
                INSERT INTO customers.trait (profile_id, name, value, observed_at, trusted)
                SELECT p, n, v::jsonb, o, :trusted
                FROM unnest(:profiles::uuid[], :names::text[], :values::text[], :times::timestamptz[]) AS t(p, n, v, o)
                WHERE EXISTS (SELECT 1 FROM customers.profile WHERE id = t.p)
                ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, observed_at = excluded.observed_at,
                    trusted = excluded.trusted
                WHERE excluded.observed_at >= customers.trait.observed_at
                  AND (excluded.trusted OR NOT customers.trait.trusted)""")
                .param("trusted", trusted)
                .param("profiles", keys.stream().map(TraitKey::profile).toArray(UUID[]::new))
                .param("names", keys.stream().map(TraitKey::name).toArray(String[]::new))
                .param("values", keys.stream().map(key -> traits.get(key).json()).toArray(String[]::new))
                .param("times", keys.stream().map(key -> Timestamp.from(traits.get(key).observedAt()))
                        .toArray(Timestamp[]::new))
                .update();
        Set<UUID> touched = new HashSet<>(keys.stream().filter(key -> CONTACT_TRAITS.contains(key.name()))
                .map(TraitKey::profile).toList());
        if (!touched.isEmpty()) {
            syncContactColumns(touched, trusted);
        }
    }

    /**
     * The profile's name and contact columns follow the winning trusted traits, which verify the contact points
     * they state; client-side traits only fill empty columns, unverified. Two statements for the whole batch.
     */
    private void syncContactColumns(Set<UUID> profiles, boolean trusted) {
        Map<UUID, Map<String, String>> values = new HashMap<>();
        jdbc.sql("""
                SELECT profile_id, name, value #>> '{}' FROM customers.trait
                WHERE profile_id = ANY(?) AND name = ANY(?) AND jsonb_typeof(value) = 'string' AND trusted = ?""")
                .params(profiles.toArray(UUID[]::new), CONTACT_TRAITS.toArray(String[]::new), trusted)
                .query(rs -> {
                    values.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                });
        if (values.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(values.keySet());
        List<Map<String, String>> rows = ids.stream().map(values::get).toList();
        jdbc.sql(trusted ? """
                UPDATE customers.profile p SET given_name = coalesce(c.given, p.given_name),
                    family_name = coalesce(c.family, p.family_name), email = coalesce(c.email, p.email),
                    email_origin = CASE WHEN c.email IS NOT NULL AND (c.email IS DISTINCT FROM p.email
                        OR NOT p.email_verified) THEN 'SERVER_SOURCE' ELSE p.email_origin END,
                    email_verified = c.email IS NOT NULL OR p.email_verified,
                    phone = coalesce(c.phone, p.phone),
                    phone_origin = CASE WHEN c.phone IS NOT NULL AND (c.phone IS DISTINCT FROM p.phone
                        OR NOT p.phone_verified) THEN 'SERVER_SOURCE' ELSE p.phone_origin END,
                    phone_verified = c.phone IS NOT NULL OR p.phone_verified
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) AS c(id, given, family, email, phone)
                WHERE p.id = c.id""" : """
                UPDATE customers.profile p SET given_name = coalesce(p.given_name, c.given),
                    family_name = coalesce(p.family_name, c.family), email = coalesce(p.email, c.email),
                    email_origin = CASE WHEN p.email IS NULL AND c.email IS NOT NULL THEN 'CLIENT_SOURCE'
                        ELSE p.email_origin END,
                    email_verified = CASE WHEN p.email IS NULL AND c.email IS NOT NULL THEN FALSE
                        ELSE p.email_verified END,
                    phone = coalesce(p.phone, c.phone),
                    phone_origin = CASE WHEN p.phone IS NULL AND c.phone IS NOT NULL THEN 'CLIENT_SOURCE'
                        ELSE p.phone_origin END,
                    phone_verified = CASE WHEN p.phone IS NULL AND c.phone IS NOT NULL THEN FALSE
                        ELSE p.phone_verified END
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) AS c(id, given, family, email, phone)
                WHERE p.id = c.id""")
                .params(ids.toArray(UUID[]::new),
                        rows.stream().map(row -> first(row, "firstName", "first_name")).toArray(String[]::new),
                        rows.stream().map(row -> first(row, "lastName", "last_name")).toArray(String[]::new),
                        rows.stream().map(row -> row.get("email") == null || !row.get("email").contains("@")
                                ? null : contacts.email(row.get("email"))).toArray(String[]::new),
                        rows.stream().map(row -> row.get("phone") == null ? null : contacts.phoneOrNull(row.get("phone")))
                                .toArray(String[]::new))
                .update();
    }

    private static String first(Map<String, String> values, String name, String alternative) {
        return values.getOrDefault(name, values.get(alternative));
    }
}
