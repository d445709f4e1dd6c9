package io.throughline.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The ingest reference: the same number of equivalent event rows written with a plain, durable
 * {@code COPY … FROM STDIN}, committed every few thousand rows, into a scratch table shaped like
 * {@code events.event} (same columns, monthly partition, primary key and profile index) in the same database.
 * No HTTP, no JSON parsing, no identity resolution, no de-duplication: what the disk and PostgreSQL allow.
 */
final class CopyReference {

    static final String COLUMNS = "seq, received_at, profile_id, resolved_profile_id, source_id, channel, message_id, "
            + "type, name, occurred_at, payload";
    private static final String SCHEMA = "bench_reference";

    /** Rows copied and the wall time from the first row to the last commit. */
    record Result(long rows, long nanos) {

        double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }
    }

    private CopyReference() {}

    static Result run(Connection connection, EventMix mix, long rows, int commitEvery, UUID sourceId, String channel,
            long seed) throws SQLException {
        createScratchTable(connection);
        try {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            SplittableRandom random = new SplittableRandom(seed);
            for (long from = 0; from < rows; from += commitEvery) {
                long to = Math.min(rows, from + commitEvery);
                CopyStream copy = CopyStream.open(connection, SCHEMA + ".event", COLUMNS);
                for (long seq = from + 1; seq <= to; seq++) {
                    Instant now = Instant.now();
                    var event = mix.draw(random, "ref-" + seq, now);
                    addRow(copy, seq, now, Shoppers.profileId(event.shopper().number()), sourceId, channel, event);
                }
                copy.finish();
                connection.commit();
            }
            return new Result(rows, System.nanoTime() - started);
        } finally {
            connection.setAutoCommit(true);
            Postgres.execute(connection, "DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    /** One row as the platform's log holds it; shared with the seeding of the read benchmark. */
    static void addRow(CopyStream copy, long seq, Instant receivedAt, UUID profileId, UUID sourceId, String channel,
            EventMix.Event event) throws SQLException {
        copy.add(seq).add(receivedAt).add(profileId).add(profileId).add(sourceId).add(channel)
                .add(event.messageId()).add(event.kind().column()).addNullable(event.name()).add(event.timestamp())
                .add(EventMix.stored(event, channel, receivedAt))
                .endRow();
    }

    private static void createScratchTable(Connection connection) throws SQLException {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        Postgres.execute(connection, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        Postgres.execute(connection, "CREATE SCHEMA " + SCHEMA);
        Postgres.execute(connection, """
                CREATE TABLE %s.event (
                    seq BIGINT NOT NULL, received_at TIMESTAMPTZ NOT NULL, profile_id UUID NOT NULL,
                    resolved_profile_id UUID NOT NULL, source_id UUID NOT NULL, channel TEXT NOT NULL,
                    message_id TEXT NOT NULL, type TEXT NOT NULL, name TEXT, occurred_at TIMESTAMPTZ NOT NULL,
                    payload JSONB NOT NULL, PRIMARY KEY (seq, received_at)
                ) PARTITION BY RANGE (received_at)""".formatted(SCHEMA));
        Postgres.execute(connection, "CREATE INDEX ON %s.event (profile_id, seq DESC)".formatted(SCHEMA));
        // This month and the next, in case the run crosses midnight at a month's end.
        for (YearMonth partition : new YearMonth[] {month, month.plusMonths(1)}) {
            Postgres.execute(connection, "CREATE TABLE %s.event_%d_%02d PARTITION OF %s.event FOR VALUES FROM ('%s') TO ('%s')"
                    .formatted(SCHEMA, partition.getYear(), partition.getMonthValue(), SCHEMA, partition.atDay(1),
                            partition.plusMonths(1).atDay(1)));
        }
    }
}
