package io.throughline.events.internal;

import io.throughline.events.EventToAppend;
import io.throughline.events.EventType;
import io.throughline.events.Identifier;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log's outbox: customer events that another module's transaction produces are written as rows of
 * {@code events.outbox} in that transaction, so they commit or roll back with the change they describe. A
 * transaction's events are collected in memory and written together just before it commits, in one round trip
 * however many there are; once it has committed they are handed to the log writer, which appends them and deletes
 * their rows in one transaction. Rows a crash left behind are found again by {@link OutboxRelay}.
 */
@Component
class TransactionOutbox {

    private static final String INSERT = """
            INSERT INTO events.outbox (source_id, message_id, channel, type, name, occurred_at, received_at,
                                       identifier_types, identifier_values, profile_id, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate requiresNew;

    TransactionOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Writes the event with the caller's transaction and hands it to {@code afterCommit} once that has committed;
     * without a transaction, writes it at once and hands it over.
     */
    void add(EventToAppend event, Consumer<List<EventToAppend>> afterCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(event));
            afterCommit.accept(List.of(event));
            return;
        }
        // Looked up among the transaction's synchronizations rather than bound as a resource: an inner transaction
        // (REQUIRES_NEW) has its own list while the outer one's is suspended, so each collects its own events.
        Collected collected = null;
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Collected mine && mine.outbox() == this) {
                collected = mine;
            }
        }
        if (collected == null) {
            collected = new Collected(afterCommit);
            TransactionSynchronizationManager.registerSynchronization(collected);
        }
        collected.events.add(event);
    }

    /** The events of one transaction, written at its end. */
    private final class Collected implements TransactionSynchronization {

        final List<EventToAppend> events = new ArrayList<>();
        final Consumer<List<EventToAppend>> afterCommit;

        Collected(Consumer<List<EventToAppend>> afterCommit) {
            this.afterCommit = afterCommit;
        }

        /** A read-only transaction cannot hold the rows: they are written just after it instead. */
        boolean written;

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly) {
                write(events);
                written = true;
            }
        }

        @Override
        public void afterCommit() {
            if (!written) {
                // The finished transaction's connection is still bound here; the rows need a transaction of their own.
                requiresNew.executeWithoutResult(status -> write(events));
            }
            afterCommit.accept(List.copyOf(events));
        }

        TransactionOutbox outbox() {
            return TransactionOutbox.this;
        }
    }

    /** One batch of inserts, which the driver sends in one round trip. */
    private void write(List<EventToAppend> events) {
        jdbc.execute((ConnectionCallback<int[]>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (EventToAppend event : events) {
                    insert.setObject(1, event.sourceId());
                    insert.setString(2, event.messageId());
                    insert.setString(3, event.channel());
                    insert.setString(4, event.type().name());
                    insert.setString(5, event.name());
                    insert.setTimestamp(6, Timestamp.from(event.occurredAt()));
                    insert.setTimestamp(7, Timestamp.from(event.receivedAt()));
                    Array types = connection.createArrayOf("text",
                            event.identifiers().stream().map(Identifier::type).toArray());
                    Array values = connection.createArrayOf("text",
                            event.identifiers().stream().map(Identifier::value).toArray());
                    insert.setArray(8, types);
                    insert.setArray(9, values);
                    insert.setObject(10, event.profileId());
                    insert.setString(11, event.payload());
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    /**
     * Rows written at least {@code age} ago by the database's clock (all of them for a negative age), oldest first.
     */
    List<EventToAppend> waiting(java.time.Duration age, int limit) {
        return jdbc.query("""
                SELECT source_id, message_id, channel, type, name, occurred_at, received_at, identifier_types,
                       identifier_values, profile_id, payload
                FROM events.outbox WHERE written_at <= now() - ?::float8 * interval '1 millisecond'
                ORDER BY written_at LIMIT ?""",
                (rs, row) -> {
                    String[] types = (String[]) rs.getArray("identifier_types").getArray();
                    String[] values = (String[]) rs.getArray("identifier_values").getArray();
                    List<Identifier> identifiers = new ArrayList<>(types.length);
                    for (int i = 0; i < types.length; i++) {
                        identifiers.add(new Identifier(types[i], values[i]));
                    }
                    return new EventToAppend(rs.getObject("source_id", UUID.class), rs.getString("channel"),
                            rs.getString("message_id"), EventType.valueOf(rs.getString("type")), rs.getString("name"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                            identifiers, rs.getObject("profile_id", UUID.class), rs.getString("payload"));
                },
                age.toMillis(), limit);
    }
}
