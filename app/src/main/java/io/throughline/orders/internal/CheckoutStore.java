package io.throughline.orders.internal;

import static io.throughline.platform.Rows.enumOf;
import static io.throughline.platform.Rows.enumOrNull;
import static io.throughline.platform.Rows.instant;
import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.uuid;
import static io.throughline.platform.Rows.uuidOrNull;

import io.throughline.platform.CheckoutRefused;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Checkouts by idempotency key ({@code orders.checkout}); placing one is written with its order by
 * {@link OrderStore#place}.
 */
@Repository
class CheckoutStore {

    private static final String COLUMNS = "id, idempotency_key, request_hash, cart_id, channel, state, order_id, "
            + "outcome, outcome_field, outcome_detail, created_at, updated_at";

    private final JdbcClient jdbc;

    CheckoutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the idempotency key for a new checkout; false when the key is already taken. */
    boolean claim(CheckoutRow checkout) {
        return jdbc.sql("""
                        INSERT INTO orders.checkout (id, idempotency_key, request_hash, cart_id, channel, state,
                                                     created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(checkout.id(), checkout.idempotencyKey(), checkout.requestHash(), checkout.cartId(),
                        checkout.channel(), checkout.state().name(), timestamp(checkout.createdAt()),
                        timestamp(checkout.updatedAt()))
                .update() == 1;
    }

    Optional<CheckoutRow> byKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.checkout WHERE idempotency_key = ?").param(key)
                .query(CheckoutStore::checkout).optional();
    }

    /** The checkout locked, or empty when it is no longer unfinished (or another transaction settles it). */
    Optional<CheckoutRow> lockUnfinished(UUID checkoutId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.checkout WHERE id = ? AND state = ? FOR UPDATE SKIP LOCKED")
                .params(checkoutId, CheckoutState.STARTED.name()).query(CheckoutStore::checkout).optional();
    }

    void refused(UUID checkoutId, CheckoutRefused refusal, Instant now) {
        jdbc.sql("""
                UPDATE orders.checkout SET state = ?, outcome = ?, outcome_field = ?, outcome_detail = ?, updated_at = ?
                 WHERE id = ?""")
                .params(CheckoutState.REFUSED.name(), refusal.reason().name(), refusal.field(), refusal.getMessage(),
                        timestamp(now), checkoutId)
                .update();
    }

    List<UUID> unfinished(Instant updatedBefore, int limit) {
        return unfinished(Instant.EPOCH, updatedBefore, limit);
    }

    /** Unfinished checkouts last touched in [{@code updatedFrom}, {@code updatedBefore}). */
    List<UUID> unfinished(Instant updatedFrom, Instant updatedBefore, int limit) {
        // The state written into the statement, not bound, so that the partial index on unfinished checkouts applies.
        return jdbc.sql("SELECT id FROM orders.checkout WHERE state = '" + CheckoutState.STARTED.name()
                        + "' AND updated_at >= ? AND updated_at < ? ORDER BY updated_at LIMIT ?")
                .params(timestamp(updatedFrom), timestamp(updatedBefore), limit).query(UUID.class).list();
    }

    private static CheckoutRow checkout(ResultSet rs, int row) throws SQLException {
        return new CheckoutRow(uuid(rs, "id"), rs.getString("idempotency_key"), rs.getString("request_hash"),
                uuid(rs, "cart_id"), rs.getString("channel"), enumOf(rs, "state", CheckoutState.class),
                uuidOrNull(rs, "order_id"), enumOrNull(rs, "outcome", CheckoutRefused.Reason.class),
                rs.getString("outcome_field"), rs.getString("outcome_detail"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
