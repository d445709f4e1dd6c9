package io.throughline.segments.internal;

import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import io.throughline.segments.Segment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates one version of a segment over every profile, in SQL, a chunk of profiles (in profile-id order)
 * per transaction. A chunk's memberships, its "Segment Entered" / "Segment Exited", the expiry timers of
 * time-dependent definitions and the evaluation's progress commit together, so after a crash the evaluation
 * goes on from the last chunk that committed and nobody is counted twice.
 */
@Component
class BatchEvaluation {

    private final JdbcClient jdbc;
    private final EvaluationStore evaluations;
    private final FactStore facts;
    private final MembershipStore memberships;
    private final SegmentCatalogue catalogue;
    private final SegmentEvents events;
    private final TransactionTemplate transactions;
    private final SegmentsProperties properties;
    private final Clock clock;

    BatchEvaluation(JdbcClient jdbc, EvaluationStore evaluations, FactStore facts, MembershipStore memberships,
            SegmentCatalogue catalogue, SegmentEvents events, TransactionTemplate transactions,
            SegmentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.facts = facts;
        this.memberships = memberships;
        this.catalogue = catalogue;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts evaluating the segment's current version, in the caller's transaction. */
    void start(UUID segmentId, int version) {
        evaluations.start(Ids.newId(clock), segmentId, version, facts.profiles(), clock.instant());
    }

    /** Runs every evaluation under way to its end; answers how many chunks it ran. */
    int runAll() {
        int chunks = 0;
        for (UUID id : evaluations.running()) {
            while (Boolean.TRUE.equals(transactions.execute(status -> chunk(id)))) {
                chunks++;
            }
        }
        return chunks;
    }

    /** One chunk of the evaluation; false when it is done, superseded, or another worker holds it. */
    boolean chunk(UUID evaluationId) {
        Optional<EvaluationStore.Running> locked = evaluations.lock(evaluationId);
        if (locked.isEmpty()) {
            return false;
        }
        EvaluationStore.Running running = locked.get();
        Instant now = clock.instant();
        Optional<SegmentCatalogue.Live> segment = catalogue.current().ordered().stream()
                .filter(live -> live.id().equals(running.segmentId())).findFirst();
        if (segment.isEmpty() || segment.get().version() != running.version()) {
            evaluations.finish(running.id(), Segment.Evaluation.State.SUPERSEDED, now);
            return false;
        }
        List<UUID> chunk = jdbc.sql("""
                SELECT profile_id FROM segments.profile_fact WHERE profile_id > coalesce(?, '00000000-0000-0000-0000-000000000000'::uuid)
                ORDER BY profile_id LIMIT ? FOR UPDATE""")
                .params(running.afterProfile(), properties.batchChunk()).query(UUID.class).list();
        if (chunk.isEmpty()) {
            evaluations.finish(running.id(), Segment.Evaluation.State.DONE, now);
            memberships.sample(running.segmentId(), now);
            restartDependents(segment.get());
            return false;
        }
        Definition definition = segment.get().definition();
        UUID[] ids = chunk.toArray(UUID[]::new);
        SqlEvaluator.Sql condition = SqlEvaluator.condition(definition.condition(), now);
        List<Object> params = new ArrayList<>();
        params.add(ids);
        params.addAll(condition.params());
        Set<UUID> matched = new HashSet<>(jdbc.sql("SELECT f.profile_id FROM segments.profile_fact f"
                + " WHERE f.profile_id = ANY(?) AND " + condition.text()).params(params).query(UUID.class).list());
        List<UUID> entered = jdbc.sql("""
                INSERT INTO segments.membership (segment_id, profile_id, entered_at)
                SELECT ?, id, ? FROM unnest(?::uuid[]) id ORDER BY id ON CONFLICT DO NOTHING RETURNING profile_id""")
                .params(running.segmentId(), Rows.timestamp(now), matched.toArray(UUID[]::new))
                .query(UUID.class).list();
        List<UUID> exited = jdbc.sql("""
                DELETE FROM segments.membership WHERE segment_id = ? AND profile_id = ANY(?) AND NOT profile_id = ANY(?)
                RETURNING profile_id""")
                .params(running.segmentId(), ids, matched.toArray(UUID[]::new)).query(UUID.class).list();
        entered.forEach(profileId -> events.entered(profileId, segment.get(), now));
        exited.forEach(profileId -> events.exited(profileId, segment.get(), now));
        if (definition.timeDependent()) {
            setExpiries(definition, ids, now);
        }
        evaluations.advance(running.id(), chunk.getLast(), chunk.size(), entered.size(), exited.size());
        return true;
    }

    /**
     * Sets each profile's timer no later than the next moment this definition could change for her; the live
     * path, when the timer fires, works out the exact moment over all her segments.
     */
    private void setExpiries(Definition definition, UUID[] ids, Instant now) {
        SqlEvaluator.Sql next = SqlEvaluator.nextChange(definition.condition(), now);
        List<Object> params = new ArrayList<>(next.params());
        params.add(ids);
        params.add(Rows.timestamp(now));
        jdbc.sql("INSERT INTO segments.expiry (profile_id, due_at) SELECT profile_id, due_at FROM ("
                + " SELECT f.profile_id, " + next.text() + " AS due_at FROM segments.profile_fact f"
                + " WHERE f.profile_id = ANY(?)) next WHERE due_at > ? ORDER BY profile_id"
                + " ON CONFLICT (profile_id) DO UPDATE SET due_at = LEAST(segments.expiry.due_at, excluded.due_at)")
                .params(params).update();
    }

    /** Segments that refer to this one are evaluated again, now that its members changed. */
    private void restartDependents(SegmentCatalogue.Live changed) {
        for (SegmentCatalogue.Live live : catalogue.current().ordered()) {
            if (live.definition().references().contains(changed.key())) {
                start(live.id(), live.version());
            }
        }
    }

}
