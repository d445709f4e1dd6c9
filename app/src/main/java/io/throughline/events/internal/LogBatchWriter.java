package io.throughline.events.internal;

import io.throughline.events.AppendOutcome;
import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.IdentityResolution;
import io.throughline.events.IdentityResolution.ProfilesMerged;
import io.throughline.events.Identifier;
import io.throughline.events.LoggedEvent;
import io.throughline.platform.Ids;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one group-commit batch in one transaction: drops retries already in the log, resolves identities,
 * re-points the events of merged profiles, and inserts the new events with array-bound statements (one
 * round trip for the whole batch rather than one per event).
 */
@Component
class LogBatchWriter {

    private record Key(UUID sourceId, String messageId) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IdentityResolution identities;
    private final JsonMapper json;
    private final Clock clock;

    LogBatchWriter(JdbcTemplate jdbc, TransactionTemplate transactions, IdentityResolution identities,
            JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.identities = identities;
        this.json = json;
        this.clock = clock;
    }

    List<AppendOutcome> write(List<EventToAppend> events) {
        return transactions.execute(status -> writeInTransaction(events));
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
        Set<Key> fresh = claimMessageIds(candidates.stream().map(events::get).toList());
        List<Integer> toStore = new ArrayList<>();
        for (int i : candidates) {
            if (fresh.contains(key(events.get(i)))) {
                toStore.add(i);
            } else {
                outcomes[i] = new AppendOutcome.Duplicate();
            }
        }
        List<EventToAppend> stored = new ArrayList<>(toStore.stream().map(events::get).toList());
        var resolution = resolveProfiles(stored);
        List<UUID> profiles = new ArrayList<>(resolution.profiles());
        List<String> resolvedVia = new ArrayList<>(resolution.resolvedVia());
        for (ProfilesMerged merge : resolution.merges()) {
            jdbc.update("UPDATE events.event SET profile_id = ? WHERE profile_id = ?", merge.survivor(),
                    merge.merged());
            stored.add(mergeEvent(merge));
            profiles.add(merge.survivor());
            resolvedVia.add(null);
        }
        long[] positions = insert(stored, profiles, resolvedVia);
        for (int n = 0; n < toStore.size(); n++) {
            outcomes[toStore.get(n)] = new AppendOutcome.Stored(positions[n], profiles.get(n));
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
        List<UUID> profiles = new ArrayList<>(events.stream().map(EventToAppend::profileId).toList());
        List<String> via = new ArrayList<>(java.util.Collections.nCopies(events.size(), (String) null));
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

    /** Records each (source, message id) pair; returns the pairs not seen before. */
    private Set<Key> claimMessageIds(List<EventToAppend> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute((ConnectionCallback<Set<Key>>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO events.dedup (source_id, message_id, received_at)
                    SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamptz[])
                    ON CONFLICT DO NOTHING RETURNING source_id, message_id""")) {
                insert.setArray(1, array(connection, "uuid", events.stream().map(EventToAppend::sourceId)));
                insert.setArray(2, array(connection, "text", events.stream().map(EventToAppend::messageId)));
                insert.setArray(3, array(connection, "timestamptz",
                        events.stream().map(event -> Timestamp.from(event.receivedAt()))));
                Set<Key> fresh = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(new Key(rs.getObject(1, UUID.class), rs.getString(2)));
                    }
                }
                return fresh;
            }
        });
    }

    private long[] insert(List<EventToAppend> events, List<UUID> profiles, List<String> resolvedVia) {
        if (events.isEmpty()) {
            return new long[0];
        }
        return jdbc.execute((ConnectionCallback<long[]>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO events.event (seq, received_at, profile_id, resolved_profile_id, source_id, channel,
                                              message_id, type, name, occurred_at, payload, resolved_via)
                    SELECT nextval('events.event_seq'), r, p, p, s, c, m, t, n, o, j::jsonb, v
                    FROM unnest(?::timestamptz[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::timestamptz[], ?::text[], ?::text[])
                         WITH ORDINALITY AS e(r, p, s, c, m, t, n, o, j, v, i)
                    ORDER BY i
                    RETURNING seq""")) {
                insert.setArray(1, array(connection, "timestamptz",
                        events.stream().map(event -> Timestamp.from(event.receivedAt()))));
                insert.setArray(2, array(connection, "uuid", profiles.stream()));
                insert.setArray(3, array(connection, "uuid", events.stream().map(EventToAppend::sourceId)));
                insert.setArray(4, array(connection, "text", events.stream().map(EventToAppend::channel)));
                insert.setArray(5, array(connection, "text", events.stream().map(EventToAppend::messageId)));
                insert.setArray(6, array(connection, "text", events.stream().map(event -> event.type().name())));
                insert.setArray(7, array(connection, "text", events.stream().map(EventToAppend::name)));
                insert.setArray(8, array(connection, "timestamptz",
                        events.stream().map(event -> Timestamp.from(event.occurredAt()))));
                insert.setArray(9, array(connection, "text", events.stream().map(EventToAppend::payload)));
                insert.setArray(10, array(connection, "text", resolvedVia.stream()));
                long[] positions = new long[events.size()];
                try (ResultSet rs = insert.executeQuery()) {
                    for (int i = 0; rs.next(); i++) {
                        positions[i] = rs.getLong(1);
                    }
                }
                // Positions come back in insertion order, which ORDER BY i fixes, and rise with it.
                java.util.Arrays.sort(positions);
                return positions;
            }
        });
    }

    private EventToAppend mergeEvent(ProfilesMerged merge) {
        Instant now = clock.instant();
        Map<String, Object> payload = new HashMap<>();
        payload.put("type", "track");
        payload.put("event", "Profiles Merged");
        payload.put("properties", Map.of("survivor", merge.survivor().toString(),
                "merged", merge.merged().toString(), "cause", merge.cause()));
        return new EventToAppend(LoggedEvent.PLATFORM_SOURCE, "platform", Ids.newId(clock).toString(), EventType.TRACK,
                "Profiles Merged", now, now, List.of(), merge.survivor(), json.writeValueAsString(payload));
    }

    private static Key key(EventToAppend event) {
        return new Key(event.sourceId(), event.messageId());
    }

    private static Array array(Connection connection, String type, java.util.stream.Stream<?> values)
            throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }
}
