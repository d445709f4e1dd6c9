package io.throughline.segments.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Keyset;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.segments.Segment;
import io.throughline.segments.SegmentExplanation;
import io.throughline.segments.SegmentMembers;
import io.throughline.segments.Segments;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Saving, reading and explaining segments: a thin façade over the parser, the stores and the evaluators. */
@Service
class SegmentService implements Segments, SegmentMembers {

    private final SegmentStore store;
    private final SegmentCatalogue catalogue;
    private final MembershipStore memberships;
    private final EvaluationStore evaluations;
    private final BatchEvaluation batches;
    private final FactStore facts;
    private final SegmentJson json;
    private final JdbcClient jdbc;
    private final Clock clock;

    SegmentService(SegmentStore store, SegmentCatalogue catalogue, MembershipStore memberships,
            EvaluationStore evaluations, BatchEvaluation batches, FactStore facts, SegmentJson json, JdbcClient jdbc,
            Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.memberships = memberships;
        this.evaluations = evaluations;
        this.batches = batches;
        this.facts = facts;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Segment create(JsonNode definition) {
        Definition parsed = catalogue.parser().parse(definition);
        if (store.find(parsed.key()).isPresent()) {
            throw new ConflictException("$.key", "a segment with the key '" + parsed.key() + "' exists");
        }
        Instant now = clock.instant();
        UUID id = Ids.newId(clock);
        store.insert(new SegmentStore.Saved(id, parsed.key(), parsed.name(), parsed.description(),
                json.write(definition), 1, now, now));
        batches.start(id, 1);
        return get(parsed.key());
    }

    @Override
    @Transactional
    public Segment update(String key, JsonNode definition) {
        SegmentStore.Saved saved = store.lock(key).orElseThrow(() -> new NotFoundException("segment", key));
        Definition parsed = catalogue.parser().parse(definition);
        if (!parsed.key().equals(key)) {
            throw new InvalidRequestException("$.key", "must stay '" + key + "': a segment's key does not change");
        }
        int version = store.update(saved.id(), parsed.name(), json.write(definition), clock.instant());
        batches.start(saved.id(), version);
        return get(key);
    }

    @Override
    @Transactional(readOnly = true)
    public Segment get(String key) {
        return view(store.find(key).orElseThrow(() -> new NotFoundException("segment", key)));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Segment> list(PageRequest page) {
        return store.list(page).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public long preview(JsonNode definition) {
        Definition parsed = catalogue.parser().parse(definition);
        SqlEvaluator.Sql condition = SqlEvaluator.condition(parsed.condition(), clock.instant());
        return jdbc.sql("SELECT count(*) FROM segments.profile_fact f WHERE " + condition.text())
                .params(condition.params()).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public SegmentExplanation explain(String key, UUID profileId) {
        SegmentStore.Saved saved = store.find(key).orElseThrow(() -> new NotFoundException("segment", key));
        SegmentCatalogue.Loaded loaded = catalogue.current();
        Facts known = facts.load(profileId);
        Instant now = clock.instant();
        Map<String, Boolean> results = new HashMap<>();
        for (SegmentCatalogue.Live live : loaded.ordered()) {
            LiveEvaluator.Outcome outcome = LiveEvaluator.evaluate(live.definition().condition(), known, now,
                    other -> results.getOrDefault(other, false));
            results.put(live.key(), outcome.member());
            if (live.key().equals(key)) {
                return new SegmentExplanation(key, profileId, now, outcome.member(), node(outcome.explanation()));
            }
        }
        throw new ConflictException("key", "segment '" + saved.key() + "' cannot be evaluated: a shop it names is gone");
    }

    @Override
    @Transactional(readOnly = true)
    public Keyset.Slice<Member> members(String key, Keyset.@Nullable Cursor after, int size) {
        SegmentStore.Saved saved = store.find(key).orElseThrow(() -> new NotFoundException("segment", key));
        Keyset.Slice<MembershipStore.Member> slice = memberships.members(saved.id(), after, size);
        return new Keyset.Slice<>(slice.items().stream().map(member -> new Member(member.profileId(),
                member.enteredAt())).toList(), slice.next());
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberCount> counts(String key, Instant from) {
        SegmentStore.Saved saved = store.find(key).orElseThrow(() -> new NotFoundException("segment", key));
        List<MemberCount> counts = new ArrayList<>();
        memberships.counts(saved.id(), from).forEach(sample -> counts.add(new MemberCount(sample.getKey(),
                sample.getValue())));
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isMember(String segmentKey, UUID profileId) {
        return memberships.isMember(segmentKey, profileId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> segmentsOf(UUID profileId) {
        return memberships.keysOf(profileId);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<java.util.Set<UUID>> membersOf(String segmentKey) {
        return store.find(segmentKey).map(saved -> java.util.Set.copyOf(memberships.all(saved.id())));
    }

    private Segment view(SegmentStore.Saved saved) {
        return new Segment(saved.id(), saved.key(), saved.name(), saved.description(), saved.version(),
                json.read(saved.definition()), memberships.count(saved.id()),
                evaluations.latest(saved.id()).orElse(null), saved.createdAt(), saved.updatedAt());
    }

    private static SegmentExplanation.Node node(LiveEvaluator.Explanation explanation) {
        return new SegmentExplanation.Node(explanation.condition(), explanation.holds(), explanation.value(),
                explanation.children().stream().map(SegmentService::node).toList());
    }
}
