package io.throughline.inventory.internal;

import io.throughline.catalog.Sku;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.Reservation;
import io.throughline.inventory.ReservationState;
import io.throughline.inventory.Reservations;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds serialize on the balance row of their SKU and location, which counts the units reservations hold: a hold
 * moves that count only where on-hand covers it, in the statement that writes the hold, so concurrent shoppers
 * cannot both take the last unit. Releases, lapses and sales leave the count alone (it then overstates, never
 * understates), so they take no balance lock; a hold that finds the location short counts again and retries.
 */
@Service
class JdbcReservations implements Reservations {

    private static final String COLUMNS =
            "id, sku, location_id, quantity, reference, state, expires_at, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Balances balances;
    private final JdbcStockLocations locations;
    private final ApplicationEventPublisher events;
    private final KnownSkus skus;

    JdbcReservations(JdbcClient jdbc, Clock clock, Balances balances, JdbcStockLocations locations,
            ApplicationEventPublisher events, KnownSkus skus) {
        this.skus = skus;
        this.jdbc = jdbc;
        this.clock = clock;
        this.balances = balances;
        this.locations = locations;
        this.events = events;
    }

    @Override
    @Transactional
    public Reservation reserve(Sku sku, UUID locationId, int quantity, String reference, Duration ttl) {
        int units = MovementPolicy.positive(quantity);
        ReservationPolicy.reference(reference);
        ReservationPolicy.ttl(ttl);
        locations.checkExists(locationId, "locationId");
        skus.check(sku);
        Instant now = now();
        Instant expiresAt = now.plus(ttl);
        Taken taken = take(sku.value(), locationId, units, reference, now, expiresAt);
        if (taken.id() == null && (taken.existing() == null || taken.existing().state() != ReservationState.ALLOCATED)) {
            // The balance's count of reserved units only ever overstates: releases and lapses leave it alone, so
            // that they need no balance lock. Short of stock, or facing its own lapsed hold (which is replaced, not
            // renewed), the reservation marks the lapsed holds there, counts what is really held under the
            // balance lock, and tries once more.
            expireLapsedAt(sku.value(), locationId, now);
            recount(sku.value(), locationId, now);
            taken = take(sku.value(), locationId, units, reference, now, expiresAt);
        }
        Reservation existing = taken.existing();
        if (existing != null && existing.state() == ReservationState.ALLOCATED) {
            if (existing.quantity() != units) {
                throw new ConflictException("reference",
                        "Stock is already allocated to " + reference + "; release it before reserving again");
            }
            return existing;
        }
        if (taken.id() == null || taken.createdAt() == null) {
            throw refusal(sku.value(), locationId, units, existing);
        }
        Reservation reserved = new Reservation(taken.id(), sku.value(), locationId, units, reference,
                ReservationState.HELD, expiresAt, taken.createdAt(), now);
        events.publishEvent(new StockReserved(reserved.id(), sku.value(), locationId, units, reference, expiresAt,
                now));
        return reserved;
    }

    /** What {@link #take} found and did: the reference's live reservation before, and the hold written, if any. */
    private record Taken(@Nullable Reservation existing, @Nullable UUID id, @Nullable Instant createdAt) {}

    /**
     * The hold in one statement: the reference's live reservation here is locked, the balance's reserved units
     * move by the difference only where on-hand less reserved covers it (PostgreSQL re-checks that on the locked
     * balance row, so concurrent holds cannot both take the last unit), and the reservation is written or
     * changed. Nothing is written when the reference's reservation is an allocation or a lapsed hold, or when
     * the stock does not cover it.
     */
    private Taken take(String sku, UUID locationId, int units, String reference, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                WITH existing AS (
                    SELECT id, sku, location_id, quantity, reference, state, expires_at, created_at, updated_at
                    FROM inventory.reservation
                    WHERE reference = :reference AND sku = :sku AND location_id = :location
                      AND state IN ('HELD', 'ALLOCATED')
                    FOR UPDATE),
                live AS (SELECT id, quantity FROM existing WHERE state = 'HELD' AND expires_at > :now),
                taken AS (
                    UPDATE inventory.balance b
                    SET reserved = b.reserved + :units - coalesce((SELECT quantity FROM live), 0)
                    WHERE b.sku = :sku AND b.location_id = :location
                      AND NOT EXISTS (SELECT 1 FROM existing WHERE state = 'ALLOCATED' OR expires_at <= :now)
                      AND b.on_hand - b.reserved >= :units - coalesce((SELECT quantity FROM live), 0)
                    RETURNING b.sku),
                inserted AS (
                    INSERT INTO inventory.reservation
                        (id, sku, location_id, quantity, reference, state, expires_at, created_at, updated_at)
                    SELECT :id, :sku, :location, :units, :reference, 'HELD', :expiresAt, :now, :now FROM taken
                    WHERE NOT EXISTS (SELECT 1 FROM live)
                    RETURNING id, created_at),
                changed AS (
                    UPDATE inventory.reservation r SET quantity = :units, expires_at = :expiresAt, updated_at = :now
                    FROM taken WHERE r.id = (SELECT id FROM live)
                    RETURNING r.id, r.created_at)
                SELECT e.id, e.sku, e.location_id, e.quantity, e.reference, e.state, e.expires_at, e.created_at,
                       e.updated_at, w.id AS written_id, w.created_at AS written_created_at
                FROM (SELECT 1) AS one
                LEFT JOIN existing e ON true
                LEFT JOIN (SELECT id, created_at FROM inserted UNION ALL SELECT id, created_at FROM changed) w ON true""")
                .param("reference", reference).param("sku", sku).param("location", locationId)
                .param("now", Rows.timestamp(now)).param("units", units).param("id", Ids.newId(clock))
                .param("expiresAt", Rows.timestamp(expiresAt))
                .query((rs, row) -> new Taken(rs.getObject("id", UUID.class) == null ? null : reservation(rs, row),
                        Rows.uuidOrNull(rs, "written_id"), Rows.instantOrNull(rs, "written_created_at")))
                .single();
    }

    /** Why the hold was refused: the units at the location that nobody else holds, as they stand now. */
    private ConflictException refusal(String sku, UUID locationId, int units, @Nullable Reservation existing) {
        int[] balance = jdbc.sql("SELECT on_hand, reserved FROM inventory.balance WHERE sku = ? AND location_id = ?")
                .params(sku, locationId).query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional()
                .orElse(new int[] {0, 0});
        int own = existing == null ? 0 : existing.quantity();
        return ReservationPolicy.shortOf(balance[0], balance[1] - own, units);
    }

    /** Lapsed holds of the SKU at the location marked expired (those nobody else is finishing right now). */
    private void expireLapsedAt(String sku, UUID locationId, Instant now) {
        publishExpired(jdbc.sql("""
                        UPDATE inventory.reservation SET state = 'EXPIRED', updated_at = ?
                        WHERE id IN (SELECT id FROM inventory.reservation
                                     WHERE sku = ? AND location_id = ? AND state = 'HELD' AND expires_at <= ?
                                     FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .params(Rows.timestamp(now), sku, locationId, Rows.timestamp(now))
                .query(JdbcReservations::reservation).list(), now);
    }

    /**
     * The balance's reserved units set to what live reservations hold. Under the balance lock no hold can be
     * added, and this statement's snapshot is taken after the lock, so it sees every hold committed before.
     */
    private void recount(String sku, UUID locationId, Instant now) {
        balances.lock(sku, locationId);
        jdbc.sql("""
                UPDATE inventory.balance SET reserved = (
                    SELECT coalesce(sum(quantity), 0) FROM inventory.reservation
                    WHERE sku = ? AND location_id = ? AND state IN ('HELD', 'ALLOCATED')
                      AND (expires_at IS NULL OR expires_at > ?))
                WHERE sku = ? AND location_id = ?""")
                .params(sku, locationId, Rows.timestamp(now), sku, locationId).update();
    }

    private void publishExpired(List<Reservation> expired, Instant now) {
        for (Reservation reservation : expired) {
            events.publishEvent(new ReservationReleased(reservation.id(), reservation.sku(), reservation.locationId(),
                    reservation.quantity(), reservation.reference(), ReservationState.EXPIRED, now));
        }
    }

    @Override
    @Transactional
    public Reservation extend(UUID reservationId, Duration ttl) {
        ReservationPolicy.ttl(ttl);
        Reservation reservation = locked(reservationId);
        Instant now = clock.instant();
        if (reservation.state() != ReservationState.HELD) {
            throw new ConflictException("state", "Only a hold can be extended; this reservation is "
                    + reservation.state());
        }
        if (!reservation.activeAt(now)) {
            throw new ConflictException("expiresAt", "The hold has expired; reserve again");
        }
        jdbc.sql("UPDATE inventory.reservation SET expires_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now.plus(ttl)), Timestamp.from(now), reservationId).update();
        return get(reservationId);
    }

    @Override
    @Transactional
    public Reservation release(UUID reservationId) {
        Reservation reservation = locked(reservationId);
        if (!reservation.state().active()) {
            return reservation;
        }
        Instant now = now();
        // A hold that lapsed before the release is recorded as expired: that is when its stock came back.
        ReservationState outcome = reservation.activeAt(now) ? ReservationState.RELEASED : ReservationState.EXPIRED;
        return finish(reservation, outcome, now);
    }

    @Override
    @Transactional
    public Reservation confirm(UUID reservationId) {
        Reservation reservation = locked(reservationId);
        Instant now = clock.instant();
        if (reservation.state() == ReservationState.ALLOCATED) {
            return reservation;
        }
        if (!reservation.activeAt(now)) {
            throw new ConflictException("state", "The reservation is no longer held ("
                    + (reservation.state() == ReservationState.HELD ? "expired" : reservation.state()) + ")");
        }
        jdbc.sql("UPDATE inventory.reservation SET state = 'ALLOCATED', expires_at = NULL, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), reservationId).update();
        return get(reservationId);
    }

    @Override
    @Transactional
    public Reservation fulfil(UUID reservationId) {
        Reservation unlocked = get(reservationId);
        // The balance row first, then the reservation, as a recount takes them.
        balances.lock(unlocked.sku(), unlocked.locationId());
        Reservation reservation = locked(reservationId);
        Instant now = clock.instant();
        if (reservation.state() == ReservationState.FULFILLED) {
            return reservation;
        }
        if (!reservation.activeAt(now)) {
            throw new ConflictException("state", "The reservation is no longer held ("
                    + (reservation.state() == ReservationState.HELD ? "expired" : reservation.state()) + ")");
        }
        balances.apply(reservation.sku(), reservation.locationId(), MovementKind.SALE, -reservation.quantity(), null,
                reservation.reference(), "reservation " + reservationId);
        finish(reservation, ReservationState.FULFILLED, now);
        return get(reservationId);
    }

    @Override
    public Reservation get(UUID reservationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory.reservation WHERE id = ?").param(reservationId)
                .query(JdbcReservations::reservation).optional()
                .orElseThrow(() -> new NotFoundException("Reservation", reservationId));
    }

    @Override
    public List<Reservation> byReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory.reservation WHERE reference = ? ORDER BY created_at, id")
                .param(reference).query(JdbcReservations::reservation).list();
    }

    /** Marks lapsed holds EXPIRED, a batch at a time, and says so; availability already ignored them. */
    @Transactional
    int expireLapsed(int limit) {
        Instant now = clock.instant();
        List<Reservation> expired = jdbc.sql("""
                UPDATE inventory.reservation SET state = 'EXPIRED', updated_at = ?
                WHERE id IN (SELECT id FROM inventory.reservation WHERE state = 'HELD' AND expires_at <= ?
                             ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)
                .params(Timestamp.from(now), Timestamp.from(now), limit).query(JdbcReservations::reservation).list();
        publishExpired(expired, now);
        return expired.size();
    }

    /** The reservation finished as {@code outcome}, as now stored. */
    private Reservation finish(Reservation reservation, ReservationState outcome, Instant now) {
        jdbc.sql("UPDATE inventory.reservation SET state = ?, updated_at = ? WHERE id = ?")
                .params(outcome.name(), Timestamp.from(now), reservation.id()).update();
        events.publishEvent(new ReservationReleased(reservation.id(), reservation.sku(), reservation.locationId(),
                reservation.quantity(), reservation.reference(), outcome, now));
        return new Reservation(reservation.id(), reservation.sku(), reservation.locationId(), reservation.quantity(),
                reservation.reference(), outcome, reservation.expiresAt(), reservation.createdAt(), now);
    }

    /**
     * Now in whole microseconds, as PostgreSQL stores timestamps, so that a reservation built from the values
     * written equals the one a read would return.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Reservation locked(UUID reservationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory.reservation WHERE id = ? FOR UPDATE")
                .param(reservationId).query(JdbcReservations::reservation).optional()
                .orElseThrow(() -> new NotFoundException("Reservation", reservationId));
    }

    private static Reservation reservation(ResultSet rs, int row) throws SQLException {
        return new Reservation(Rows.uuid(rs, "id"), rs.getString("sku"), Rows.uuid(rs, "location_id"),
                rs.getInt("quantity"), rs.getString("reference"), Rows.enumOf(rs, "state", ReservationState.class),
                Rows.instantOrNull(rs, "expires_at"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
