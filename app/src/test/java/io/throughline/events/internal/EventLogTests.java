package io.throughline.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.throughline.events.AppendOutcome;
import io.throughline.events.EventLog;
import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.Identifier;
import io.throughline.support.PlatformTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class EventLogTests {

    @Autowired
    EventLog log;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LogMaintenance maintenance;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OutboxRelay relay;

    @Test
    void concurrentAppendsShareCommits() {
        double commitsBefore = meters.counter("throughline.events.commits").count();
        UUID source = UUID.randomUUID();

        List<CompletableFuture<List<AppendOutcome>>> appends = IntStream.range(0, 200).parallel()
                .mapToObj(i -> log.append(List.of(event(source, "group-" + i, "visitor-" + i)))).toList();
        appends.forEach(CompletableFuture::join);

        double commits = meters.counter("throughline.events.commits").count() - commitsBefore;
        assertThat(commits).isPositive().isLessThan(50);
        assertThat(appends).allSatisfy(append -> assertThat(append.join().getFirst())
                .isInstanceOf(AppendOutcome.Stored.class));
    }

    @Test
    void positionsRiseInCommitOrder() {
        UUID source = UUID.randomUUID();

        var first = log.append(List.of(event(source, "order-1", "v"), event(source, "order-2", "v"))).join();
        var second = log.append(List.of(event(source, "order-3", "v"))).join();

        long a = ((AppendOutcome.Stored) first.get(0)).seq();
        long b = ((AppendOutcome.Stored) first.get(1)).seq();
        long c = ((AppendOutcome.Stored) second.get(0)).seq();
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
    }

    @Test
    void retryWithinTheSameBatchIsStoredOnce() {
        UUID source = UUID.randomUUID();

        var outcomes = log.append(List.of(event(source, "twice", "v"), event(source, "twice", "v"))).join();

        assertThat(outcomes.get(0)).isInstanceOf(AppendOutcome.Stored.class);
        assertThat(outcomes.get(1)).isInstanceOf(AppendOutcome.Duplicate.class);
    }

    @Test
    void deduplicationKeysOlderThanTheWindowArePruned() {
        UUID source = UUID.randomUUID();
        jdbc.sql("INSERT INTO events.dedup (source_id, message_id, received_at) VALUES (?, 'old', ?), (?, 'new', ?)")
                .params(source, Timestamp.from(Instant.now().minus(8, ChronoUnit.DAYS)), source,
                        Timestamp.from(Instant.now()))
                .update();

        maintenance.maintain();

        assertThat(jdbc.sql("SELECT message_id FROM events.dedup WHERE source_id = ?").param(source)
                .query(String.class).list()).containsExactly("new");
    }

    @Test
    void partitionsOlderThanTheRetentionAreDroppedWhole() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS events.event_2020_01 PARTITION OF events.event "
                + "FOR VALUES FROM ('2020-01-01') TO ('2020-02-01')").update();

        maintenance.maintain();

        List<String> partitions = jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'event'""").query(String.class).list();
        assertThat(partitions).doesNotContain("event_2020_01").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void anEventAppendedWithATransactionReachesTheLogOnceItCommitsAndLeavesTheOutbox() {
        UUID source = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            log.appendWithTransaction(event(source, "with-commit", "v"));
            log.appendWithTransaction(event(source, "with-commit-2", "v"));
            assertThat(stored(source)).as("nothing before the commit").isZero();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> stored(source) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingInOutbox(source) == 0);
    }

    @Test
    void anEventAppendedWithATransactionThatRollsBackNeverReachesTheLog() {
        UUID source = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            log.appendWithTransaction(event(source, "rolled-back", "v"));
            status.setRollbackOnly();
        });
        relay.relay();

        assertThat(stored(source)).isZero();
        assertThat(waitingInOutbox(source)).isZero();
    }

    @Test
    void anInnerTransactionOfItsOwnAppendsItsEventsWhateverBecomesOfTheOuterOne() {
        UUID source = UUID.randomUUID();
        TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transactions.executeWithoutResult(outer -> {
            log.appendWithTransaction(event(source, "outer", "v"));
            inner.executeWithoutResult(status -> log.appendWithTransaction(event(source, "inner", "v")));
            outer.setRollbackOnly();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> stored(source) == 1);
        assertThat(jdbc.sql("SELECT message_id FROM events.event WHERE source_id = ?").param(source)
                .query(String.class).list()).containsExactly("inner");
    }

    @Test
    void outboxRowsThatNoHandOffBroughtAreAppendedOnceByTheRelay() {
        UUID source = UUID.randomUUID();
        // As a crash between the caller's commit and the hand-off to the writer leaves it.
        jdbc.sql("""
                INSERT INTO events.outbox (source_id, message_id, channel, type, name, occurred_at, received_at,
                                           identifier_types, identifier_values, profile_id, payload, written_at)
                VALUES (?, 'left-behind', 'web', 'TRACK', 'Tested', now(), now(), ARRAY['anonymous_id'], ARRAY[?],
                        NULL, '{"type":"track","event":"Tested"}', now() - interval '1 minute')""")
                .params(source, "left-" + source).update();

        relay.relay();
        relay.relay();

        assertThat(stored(source)).isEqualTo(1);
        assertThat(waitingInOutbox(source)).isZero();
    }

    private long stored(UUID source) {
        return jdbc.sql("SELECT count(*) FROM events.event WHERE source_id = ?").param(source).query(Long.class)
                .single();
    }

    private long waitingInOutbox(UUID source) {
        return jdbc.sql("SELECT count(*) FROM events.outbox WHERE source_id = ?").param(source).query(Long.class)
                .single();
    }

    private static EventToAppend event(UUID source, String messageId, String anonymousId) {
        Instant now = Instant.now();
        return new EventToAppend(source, "web", messageId, EventType.TRACK, "Tested", now, now,
                List.of(new Identifier(Identifier.ANONYMOUS_ID, anonymousId + "-" + source)), null,
                "{\"type\":\"track\",\"event\":\"Tested\"}");
    }
}
