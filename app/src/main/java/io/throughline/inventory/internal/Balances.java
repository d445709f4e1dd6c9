package io.throughline.inventory.internal;

import io.throughline.inventory.MovementKind;
import io.throughline.inventory.StockLevelChanged;
import io.throughline.inventory.StockMovement;
import io.throughline.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The balance rows and the ledger rows behind them. Every change of on-hand goes through {@link #apply}, inside
 * the caller's transaction, so that the ledger and the balance cannot disagree.
 */
@Component
class Balances {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Balances(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Locks the balance row of the SKU at the location, creating it at zero if it is new, and returns its
     * on-hand. Every writer of that SKU and location waits here for the one before it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int lock(String sku, UUID locationId) {
        return jdbc.sql("""
                INSERT INTO inventory.balance AS b (sku, location_id, on_hand, updated_at) VALUES (?, ?, 0, ?)
                ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = b.on_hand
                RETURNING on_hand""")
                .params(sku, locationId, Timestamp.from(clock.instant())).query(Integer.class).single();
    }

    /** Allocations and holds that have not expired at that moment. */
    int reserved(String sku, UUID locationId, Instant at) {
        return jdbc.sql("""
                SELECT coalesce(sum(quantity), 0) FROM inventory.reservation
                WHERE sku = ? AND location_id = ? AND state IN ('HELD', 'ALLOCATED')
                  AND (state = 'ALLOCATED' OR expires_at > ?)""")
                .params(sku, locationId, Timestamp.from(at)).query(Integer.class).single();
    }

    /** Locks the balance, records the movement and moves the balance with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    StockMovement apply(String sku, UUID locationId, MovementKind kind, int delta, @Nullable UUID transferId,
            @Nullable String reference, @Nullable String note) {
        int onHand = lock(sku, locationId);
        int after = MovementPolicy.onHandAfter(onHand, delta);
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        jdbc.sql("UPDATE inventory.balance SET on_hand = ?, updated_at = ? WHERE sku = ? AND location_id = ?")
                .params(after, at, sku, locationId).update();
        UUID id = Ids.newId(clock);
        jdbc.sql("""
                INSERT INTO inventory.movement
                    (id, sku, location_id, kind, quantity, on_hand_after, transfer_id, reference, note, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sku, locationId, kind.name(), delta, after, transferId, reference, note, at).update();
        events.publishEvent(new StockLevelChanged(sku, locationId, kind, delta, after, now));
        return new StockMovement(id, sku, locationId, kind, delta, after, transferId, reference, note, now);
    }
}
