package io.throughline.inventory.internal;

import io.throughline.inventory.MovementKind;
import io.throughline.inventory.NewMovement;
import io.throughline.inventory.StockLevelChanged;
import io.throughline.inventory.StockMovement;
import io.throughline.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        // Locking the row that is there writes no new version of it, which an upsert would on every call.
        Optional<Integer> onHand = jdbc.sql(
                        "SELECT on_hand FROM inventory.balance WHERE sku = ? AND location_id = ? FOR UPDATE")
                .params(sku, locationId).query(Integer.class).optional();
        if (onHand.isPresent()) {
            return onHand.get();
        }
        return jdbc.sql("""
                INSERT INTO inventory.balance AS b (sku, location_id, on_hand, updated_at) VALUES (?, ?, 0, ?)
                ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = b.on_hand
                RETURNING on_hand""")
                .params(sku, locationId, Timestamp.from(clock.instant())).query(Integer.class).single();
    }

    /**
     * Allocations and holds that have not expired at that moment. Among live reservations only holds have an
     * expiry (a check constraint says so), which lets the partial index answer without the state column.
     */
    int reserved(String sku, UUID locationId, Instant at) {
        return jdbc.sql("""
                SELECT coalesce(sum(quantity), 0) FROM inventory.reservation
                WHERE sku = ? AND location_id = ? AND state IN ('HELD', 'ALLOCATED')
                  AND (expires_at IS NULL OR expires_at > ?)""")
                .params(sku, locationId, Timestamp.from(at)).query(Integer.class).single();
    }

    /**
     * The batch form of {@link #apply}: locks every balance row involved in one statement (in key order, as
     * single writers effectively do), then writes all ledger rows and balances in one statement each.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<StockMovement> applyAll(List<NewMovement> movements, List<Integer> deltas) {
        if (movements.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        var keys = movements.stream().map(movement -> new Key(movement.sku().value(), movement.locationId()))
                .distinct().sorted(Comparator.comparing(Key::sku).thenComparing(Key::locationId)).toList();
        Map<Key, Integer> onHand = new HashMap<>();
        jdbc.sql("""
                INSERT INTO inventory.balance AS b (sku, location_id, on_hand, updated_at)
                SELECT k.sku, k.location_id, 0, ? FROM unnest(?::text[], ?::uuid[]) WITH ORDINALITY
                    AS k(sku, location_id, position) ORDER BY k.position
                ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = b.on_hand
                RETURNING sku, location_id, on_hand""")
                .params(at, keys.stream().map(Key::sku).toArray(String[]::new),
                        keys.stream().map(Key::locationId).toArray(UUID[]::new))
                .query((rs, row) -> onHand.put(new Key(rs.getString(1), rs.getObject(2, UUID.class)), rs.getInt(3)))
                .list();
        List<StockMovement> recorded = new ArrayList<>(movements.size());
        for (int i = 0; i < movements.size(); i++) {
            NewMovement movement = movements.get(i);
            Key key = new Key(movement.sku().value(), movement.locationId());
            int after = MovementPolicy.onHandAfter(onHand.get(key), deltas.get(i));
            onHand.put(key, after);
            recorded.add(new StockMovement(Ids.newId(clock), key.sku(), key.locationId(), movement.kind(),
                    deltas.get(i), after, null, movement.reference(), movement.note(), now));
        }
        jdbc.sql("""
                INSERT INTO inventory.movement
                    (id, sku, location_id, kind, quantity, on_hand_after, reference, note, recorded_at)
                SELECT m.id, m.sku, m.location_id, m.kind, m.quantity, m.on_hand_after, m.reference, m.note, ?
                FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[])
                    AS m(id, sku, location_id, kind, quantity, on_hand_after, reference, note)""")
                .params(at, recorded.stream().map(StockMovement::id).toArray(UUID[]::new),
                        recorded.stream().map(StockMovement::sku).toArray(String[]::new),
                        recorded.stream().map(StockMovement::locationId).toArray(UUID[]::new),
                        recorded.stream().map(m -> m.kind().name()).toArray(String[]::new),
                        recorded.stream().map(StockMovement::quantity).toArray(Integer[]::new),
                        recorded.stream().map(StockMovement::onHandAfter).toArray(Integer[]::new),
                        recorded.stream().map(StockMovement::reference).toArray(String[]::new),
                        recorded.stream().map(StockMovement::note).toArray(String[]::new))
                .update();
        jdbc.sql("""
                UPDATE inventory.balance b SET on_hand = k.on_hand, updated_at = ?
                FROM unnest(?::text[], ?::uuid[], ?::int[]) AS k(sku, location_id, on_hand)
                WHERE b.sku = k.sku AND b.location_id = k.location_id""")
                .params(at, keys.stream().map(Key::sku).toArray(String[]::new),
                        keys.stream().map(Key::locationId).toArray(UUID[]::new),
                        keys.stream().map(onHand::get).toArray(Integer[]::new))
                .update();
        for (StockMovement movement : recorded) {
            events.publishEvent(new StockLevelChanged(movement.sku(), movement.locationId(), movement.kind(),
                    movement.quantity(), movement.onHandAfter(), now));
        }
        return recorded;
    }

    private record Key(String sku, UUID locationId) {}

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
