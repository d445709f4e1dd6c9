package io.throughline.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.throughline.segments.SegmentWork;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch evaluation dies in the middle of a chunk (its transaction never commits, as under SIGKILL): the work
 * goes on from the last chunk that committed, and every profile is counted, and sent "Segment Entered", once. The
 * segment holds the demo brand's customers (they have Hungarian addresses), enough for many chunks.
 */
@PlatformTest
class BatchEvaluationResumingAfterACrashTests {

    @Autowired
    SegmentService segments;

    @Autowired
    BatchEvaluation batches;

    @Autowired
    SegmentWork work;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChunkThatDiedIsEvaluatedAgainAndNobodyIsCountedTwice() {
        String key = "everyone-" + UUID.randomUUID().toString().substring(0, 8);
        UUID segment = segments.create(JsonMapper.builder().build().readTree("""
                {"key": "%s", "name": "Hungarian addresses", "condition": {"type": "place", "field": "country",
                  "values": ["HU"]}}""".formatted(key))).id();
        UUID evaluation = jdbc.sql("SELECT id FROM segments.evaluation WHERE segment_id = ? AND state = 'RUNNING'")
                .param(segment).query(UUID.class).single();

        Boolean committed = transactions.execute(status -> batches.chunk(evaluation));
        assertThat(committed).isTrue();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            batches.chunk(evaluation);
            throw new IllegalStateException("killed mid-chunk");
        })).hasMessageContaining("killed");
        long afterOneChunk = jdbc.sql("SELECT evaluated FROM segments.evaluation WHERE id = ?").param(evaluation)
                .query(Long.class).single();
        assertThat(afterOneChunk).isEqualTo(25);

        work.evaluatePending();

        assertThat(jdbc.sql("SELECT state FROM segments.evaluation WHERE id = ?").param(evaluation)
                .query(String.class).single()).isEqualTo("DONE");
        await().atMost(Duration.ofSeconds(10)).until(() -> members(segment) == profiles());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM events.outbox")
                .query(Long.class).single() == 0);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT profile_id FROM events.event WHERE name = 'Segment Entered'
                    AND payload -> 'properties' ->> 'segment_key' = ? GROUP BY profile_id HAVING count(*) > 1) twice""")
                .param(key).query(Long.class).single()).as("profiles entered twice").isZero();
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT profile_id) FROM events.event WHERE name = 'Segment Entered'
                    AND payload -> 'properties' ->> 'segment_key' = ?""").param(key).query(Long.class).single())
                .isEqualTo(members(segment));
        long evaluated = jdbc.sql("SELECT evaluated FROM segments.evaluation WHERE id = ?").param(evaluation)
                .query(Long.class).single();
        assertThat(evaluated).isLessThanOrEqualTo(jdbc.sql("SELECT count(*) FROM segments.profile_fact")
                .query(Long.class).single()).isGreaterThan(afterOneChunk);
    }

    private long members(UUID segment) {
        return jdbc.sql("SELECT count(*) FROM segments.membership WHERE segment_id = ?").param(segment)
                .query(Long.class).single();
    }

    private long profiles() {
        return jdbc.sql("SELECT count(*) FROM segments.profile_fact WHERE country = 'HU'").query(Long.class).single();
    }
}
