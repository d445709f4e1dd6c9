package io.throughline.events.internal;

import io.throughline.events.AppendOutcome;
import io.throughline.events.EventToAppend;
import io.throughline.events.Identifier;
import io.throughline.events.IdentityResolution;
import io.throughline.events.IdentityResolution.ProfilesMerged;
import io.throughline.events.ProfileMergeEvent;
import io.throughline.platform.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one group-commit batch in one transaction, in a fixed, small number of round trips however many events it
 * holds: drops retries already in the log (one statement), resolves identities (the identity graph batches its own
 * reads and writes), re-points the events of merged profiles (one statement), takes the positions (one), and copies
 * the new events into the log (one binary {@code COPY}).
 */
@Component
class LogBatchWriter {

    private record Key(UUID sourceId, String messageId) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IdentityResolution identities;
    private final Clock clock;
    /** Present in cluster mode only, where many nodes write the log. */
    private final @Nullable ClusterCoordination cluster;

    LogBatchWriter(JdbcTemplate jdbc, TransactionTemplate transactions, IdentityResolution identities, Clock clock,
            ObjectProvider<ClusterCoordination> cluster) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.identities = identities;
        this.clock = clock;
        this.cluster = cluster.getIfAvailable();
    }

    /** Writes the events; those of them in {@code fromOutbox} are rows of the outbox and leave it in the same commit. */
    List<AppendOutcome> write(List<EventToAppend> events, List<EventToAppend> fromOutbox) {
        return write(events, fromOutbox, () -> {});
    }

    /** Writes the events, and commits what {@code alsoInTransaction} writes with them (a consumer's offsets). */
    List<AppendOutcome> write(List<EventToAppend> events, List<EventToAppend> fromOutbox, Runnable alsoInTransaction) {
        return transactions.execute(status -> {
            if (cluster != null) {
                cluster.enterBatch(identities);
            }
            List<AppendOutcome> outcomes = writeInTransaction(events);
            if (!fromOutbox.isEmpty()) {
                jdbc.execute((ConnectionCallback<Integer>) connection -> deleteFromOutbox(connection, fromOutbox));
            }
            alsoInTransaction.run();
            return outcomes;
        });
    }

    private List<AppendOutcome> writeInTransaction(List<EventToAppend> events) {
        AppendOutcome[] outcomes = new AppendOutcome[events.size()];
        // A retry can arrive in the same batch as the original: the first one counts.
        Set<Key> seen = new HashSet<>();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (seen.add(key(events.get(i)))) {
                candidates.add(i);
            } else {
                outcomes[i] = new AppendOutcome.Duplicate();
            }
        }
        Set<Key> fresh = jdbc.execute((ConnectionCallback<Set<Key>>) connection ->
                claimMessageIds(connection, candidates.stream().map(events::get).toList()));
        List<Integer> toStore = new ArrayList<>();
        for (int i : candidates) {
            if (fresh.contains(key(events.get(i)))) {
                toStore.add(i);
            } else {
                outcomes[i] = new AppendOutcome.Duplicate();
            }
        }
        var resolution = resolveProfiles(toStore.stream().map(events::get).toList());
        // Events of an erased person are not stored (identity resolution gave them no profile); the others go on.
        List<Integer> kept = new ArrayList<>();
        List<EventToAppend> stored = new ArrayList<>();
        List<UUID> resolvedProfiles = new ArrayList<>();
        List<@Nullable String> resolvedVia = new ArrayList<>();
        for (int n = 0; n < toStore.size(); n++) {
            UUID profile = resolution.profiles().get(n);
            if (profile == null) {
                outcomes[toStore.get(n)] = new AppendOutcome.Suppressed();
                continue;
            }
            kept.add(toStore.get(n));
            stored.add(events.get(toStore.get(n)));
            resolvedProfiles.add(profile);
            resolvedVia.add(resolution.resolvedVia().get(n));
        }
        Map<UUID, UUID> survivors = survivors(resolution.merges());
        if (cluster != null && !survivors.isEmpty()) {
            cluster.identitiesMoved();
        }
        for (ProfilesMerged merge : resolution.merges()) {
            stored.add(mergeEvent(merge));
            resolvedProfiles.add(merge.survivor());
            resolvedVia.add(null);
        }
        // An event resolved to a profile that a later event of the batch merged away lives on with the survivor,
        // as if it had been stored first and re-pointed by the merge; it keeps the profile it was resolved to.
        List<UUID> profiles = resolvedProfiles.stream().map(profile -> survivors.getOrDefault(profile, profile))
                .toList();
        long[] positions = jdbc.execute((ConnectionCallback<long[]>) connection -> {
            repointMerged(connection, survivors);
            long[] taken = positions(connection, stored.size());
            List<EventCopy.Row> rows = new ArrayList<>(stored.size());
            for (int n = 0; n < stored.size(); n++) {
                EventToAppend event = stored.get(n);
                rows.add(new EventCopy.Row(taken[n], event.receivedAt(), profiles.get(n), resolvedProfiles.get(n),
                        event.sourceId(), event.channel(), event.messageId(), event.type().name(), event.name(),
                        event.occurredAt(), event.payload(), resolvedVia.get(n)));
            }
            if (!rows.isEmpty()) {
                EventCopy.write(connection, rows);
            }
            return taken;
        });
        for (int n = 0; n < kept.size(); n++) {
            outcomes[kept.get(n)] = new AppendOutcome.Stored(positions[n], profiles.get(n));
        }
        return List.of(outcomes);
    }

    /** Events that name their profile keep it; the others go through identity resolution. */
    private IdentityResolution.Resolved resolveProfiles(List<EventToAppend> events) {
        List<List<Identifier>> toResolve = new ArrayList<>();
        List<Integer> resolvedIndex = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).profileId() == null) {
                toResolve.add(events.get(i).identifiers());
                resolvedIndex.add(i);
            }
        }
        List<@Nullable UUID> profiles = new ArrayList<>(events.stream().map(EventToAppend::profileId).toList());
        List<@Nullable String> via = new ArrayList<>(Collections.nCopies(events.size(), (String) null));
        if (toResolve.isEmpty()) {
            return new IdentityResolution.Resolved(profiles, via, List.of());
        }
        var resolved = identities.resolve(toResolve, clock.instant());
        for (int n = 0; n < resolvedIndex.size(); n++) {
            profiles.set(resolvedIndex.get(n), resolved.profiles().get(n));
            via.set(resolvedIndex.get(n), resolved.resolvedVia().get(n));
        }
        return new IdentityResolution.Resolved(profiles, via, resolved.merges());
    }

    /** Where each profile merged in this batch lives on in the end, following merges of survivors. */
    private static Map<UUID, UUID> survivors(List<ProfilesMerged> merges) {
        Map<UUID, UUID> survivors = new LinkedHashMap<>();
        for (ProfilesMerged merge : merges) {
            survivors.replaceAll((merged, survivor) -> survivor.equals(merge.merged()) ? merge.survivor() : survivor);
            survivors.put(merge.merged(), merge.survivor());
        }
        return survivors;
    }

    /** Records each (source, message id) pair; returns the pairs not seen before. */
    private static Set<Key> claimMessageIds(Connection connection, List<EventToAppend> events) throws SQLException {
        if (events.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO events.dedup (source_id, message_id, received_at)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamptz[])
                ON CONFLICT DO NOTHING RETURNING source_id, message_id""")) {
            insert.setArray(1, connection.createArrayOf("uuid", events.stream().map(EventToAppend::sourceId).toArray()));
            insert.setArray(2, connection.createArrayOf("text",
                    events.stream().map(EventToAppend::messageId).toArray()));
            insert.setArray(3, connection.createArrayOf("timestamptz",
                    events.stream().map(event -> Timestamp.from(event.receivedAt())).toArray()));
            Set<Key> fresh = new HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(new Key(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return fresh;
        }
    }

    private static void repointMerged(Connection connection, Map<UUID, UUID> survivors) throws SQLException {
        if (survivors.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE events.event e SET profile_id = m.survivor
                FROM unnest(?::uuid[], ?::uuid[]) AS m(merged, survivor)
                WHERE e.profile_id = m.merged""")) {
            update.setArray(1, connection.createArrayOf("uuid", survivors.keySet().toArray()));
            update.setArray(2, connection.createArrayOf("uuid", survivors.values().toArray()));
            update.executeUpdate();
        }
    }

    /** The next {@code count} positions, rising. */
    private static long[] positions(Connection connection, int count) throws SQLException {
        long[] positions = new long[count];
        if (count == 0) {
            return positions;
        }
        try (PreparedStatement next = connection.prepareStatement(
                "SELECT nextval('events.event_seq') FROM generate_series(1, ?)")) {
            next.setInt(1, count);
            try (ResultSet rs = next.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    positions[i] = rs.getLong(1);
                }
            }
        }
        java.util.Arrays.sort(positions);
        return positions;
    }

    private static int deleteFromOutbox(Connection connection, List<EventToAppend> events) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM events.outbox o USING unnest(?::uuid[], ?::text[]) AS d(source_id, message_id)
                WHERE o.source_id = d.source_id AND o.message_id = d.message_id""")) {
            delete.setArray(1, connection.createArrayOf("uuid", events.stream().map(EventToAppend::sourceId).toArray()));
            delete.setArray(2, connection.createArrayOf("text",
                    events.stream().map(EventToAppend::messageId).toArray()));
            return delete.executeUpdate();
        }
    }

    private EventToAppend mergeEvent(ProfilesMerged merge) {
        return new ProfileMergeEvent.Merged(merge.survivor(), merge.merged(), merge.cause())
                .toAppend(Ids.newId(clock).toString(), clock.instant());
    }

    private static Key key(EventToAppend event) {
        return new Key(event.sourceId(), event.messageId());
    }
}
