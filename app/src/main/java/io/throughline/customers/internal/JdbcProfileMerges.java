package io.throughline.customers.internal;

import io.throughline.customers.ProfileMerges;
import io.throughline.customers.UnmergeOutcome;
import io.throughline.events.EventLog;
import io.throughline.events.EventToAppend;
import io.throughline.events.Identifier;
import io.throughline.events.LogOverloadedException;
import io.throughline.events.ProfileMergeEvent;
import io.throughline.events.ProfileEvents;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.NotFoundException;
import io.throughline.privacy.Consents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Undoes a merge by following the recorded history. The merged side is: the identifiers that moved at
 * the merge, and every identifier that arrived since with one of those; its events are those first
 * resolved to the merged profile (or to profiles merged into it before), and those that arrived since
 * through one of its identifiers. Traits and channel activity of both profiles are then rebuilt from
 * their events.
 */
@Service
class JdbcProfileMerges implements ProfileMerges {

    private record MergeRow(UUID survivor, UUID merged, String movedJson, boolean undone) {}

    private static final Logger log = LoggerFactory.getLogger(JdbcProfileMerges.class);

    private final JdbcClient jdbc;
    private final ProfileEvents profileEvents;
    private final ProfileActivityProcessor activity;
    private final IdentityGraph identities;
    private final EventLog eventLog;
    private final JsonMapper json;
    private final Clock clock;
    private final Consents consents;

    JdbcProfileMerges(JdbcClient jdbc, ProfileEvents profileEvents, ProfileActivityProcessor activity,
            IdentityGraph identities, EventLog eventLog, JsonMapper json, Clock clock, Consents consents) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.profileEvents = profileEvents;
        this.activity = activity;
        this.identities = identities;
        this.eventLog = eventLog;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UnmergeOutcome unmerge(UUID mergeId, UUID staffId) {
        MergeRow merge = jdbc.sql("""
                SELECT survivor_id, merged_id, moved_identities::text, unmerged_at IS NOT NULL
                FROM customers.merge WHERE id = ? FOR UPDATE""").param(mergeId)
                .query((rs, row) -> new MergeRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getBoolean(4)))
                .optional().orElseThrow(() -> new NotFoundException("Merge", mergeId));
        if (merge.undone()) {
            throw new ConflictException("mergeId", "This merge was already undone");
        }
        UUID survivorNow = jdbc.sql("SELECT merged_into FROM customers.profile WHERE id = ?")
                .param(merge.survivor()).query(UUID.class).optional().orElse(null);
        if (survivorNow != null) {
            throw new ConflictException("mergeId", "Profile " + merge.survivor() + " has since been merged into "
                    + survivorNow + "; undo that merge first");
        }
        activity.lock();
        Set<String> mergedSide = mergedSide(merge);
        int identitiesMoved = jdbc.sql("""
                UPDATE customers.identity SET profile_id = ?
                WHERE profile_id = ? AND type || ':' || value = ANY(?)""")
                .params(merge.merged(), merge.survivor(), mergedSide.toArray(String[]::new)).update();
        int eventsMoved = profileEvents.reassign(merge.survivor(), merge.merged(), absorbedInto(merge.merged()),
                mergedSide);
        jdbc.sql("UPDATE customers.profile SET merged_into = NULL, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), merge.merged()).update();
        jdbc.sql("""
                UPDATE customers.profile p SET given_name = c.given_name, family_name = c.family_name,
                    email = c.email, phone = c.phone, updated_at = ?
                FROM customers.merge m, jsonb_to_record(m.survivor_contact)
                    AS c(given_name TEXT, family_name TEXT, email TEXT, phone TEXT)
                WHERE m.id = ? AND p.id = m.survivor_id AND m.survivor_contact IS NOT NULL""")
                .params(Timestamp.from(clock.instant()), mergeId).update();
        jdbc.sql("UPDATE customers.merge SET unmerged_at = ?, unmerged_by = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), staffId, mergeId).update();
        activity.rebuild(merge.survivor());
        activity.rebuild(merge.merged());
        consents.splitAfterUnmerge(merge.survivor(), merge.merged());
        afterCommit(merge, mergedSide);
        return new UnmergeOutcome(mergeId, merge.survivor(), merge.merged(), identitiesMoved, eventsMoved);
    }

    /** The identifiers that moved at the merge, and those that arrived since with one of them. */
    private Set<String> mergedSide(MergeRow merge) {
        Set<String> side = new HashSet<>();
        for (JsonNode moved : json.readTree(merge.movedJson())) {
            side.add(moved.get("type").asString() + ":" + moved.get("value").asString());
        }
        List<String[]> later = jdbc.sql("""
                SELECT type || ':' || value, attached_via FROM customers.identity
                WHERE profile_id = ? AND attached_via IS NOT NULL""")
                .param(merge.survivor())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String[] identity : later) {
                if (!side.contains(identity[0]) && side.contains(identity[1])) {
                    side.add(identity[0]);
                    grew = true;
                }
            }
        }
        return side;
    }

    /** The profile and every profile merged into it before, whose events it had taken in. */
    private List<UUID> absorbedInto(UUID profile) {
        return jdbc.sql("""
                WITH RECURSIVE absorbed(id, depth) AS (
                    SELECT ?::uuid, 0
                    UNION ALL
                    SELECT p.id, a.depth + 1 FROM customers.profile p JOIN absorbed a ON p.merged_into = a.id
                    WHERE a.depth < 100)
                SELECT id FROM absorbed""").param(profile).query(UUID.class).list();
    }

    /** Memory and the log learn of the split only once it is committed. */
    private void afterCommit(MergeRow merge, Set<String> mergedSide) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                List<Identifier> forgotten = new ArrayList<>();
                for (String key : mergedSide) {
                    int colon = key.indexOf(':');
                    forgotten.add(new Identifier(key.substring(0, colon), key.substring(colon + 1)));
                }
                identities.forget(forgotten);
                Instant now = clock.instant();
                EventToAppend unmerged = new ProfileMergeEvent.Unmerged(merge.survivor(), merge.merged())
                        .toAppend(Ids.newId(clock).toString(), now);
                try {
                    eventLog.append(List.of(unmerged));
                } catch (LogOverloadedException busy) {
                    // The unmerge itself is committed; only its note in the timeline is lost.
                    log.warn("The log was busy; profile {} was split out without a 'Profiles Unmerged' event",
                            merge.merged());
                }
            }
        });
    }
}
