package io.throughline.inventory.internal;

import io.throughline.catalog.Sku;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.Reservation;
import io.throughline.inventory.ReservationReleased;
import io.throughline.inventory.ReservationState;
import io.throughline.inventory.Reservations;
import io.throughline.inventory.StockReserved;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations serialize with movements on the balance row of their SKU and location: the check that enough
 * is unreserved and the insert happen under that lock, so concurrent shoppers cannot both take the last unit.
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
        int onHand = balances.lock(sku.value(), locationId);
        Optional<Reservation> existing = activeFor(reference, sku.value(), locationId, now);
        if (existing.isPresent() && existing.get().state() == ReservationState.ALLOCATED) {
            if (existing.get().quantity() != units) {
                throw new ConflictException("reference",
                        "Stock is already allocated to " + reference + "; release it before reserving again");
            }
            return existing.get();
        }
        int reservedByOthers = balances.reserved(sku.value(), locationId, now)
                - existing.map(Reservation::quantity).orElse(0);
        ReservationPolicy.checkCovered(onHand, reservedByOthers, units);
        Reservation reserved;
        if (existing.isPresent()) {
            reserved = new Reservation(existing.get().id(), sku.value(), locationId, units, reference,
                    ReservationState.HELD, expiresAt, existing.get().createdAt(), now);
            jdbc.sql("UPDATE inventory.reservation SET quantity = ?, expires_at = ?, updated_at = ? WHERE id = ?")
                    .params(units, Timestamp.from(expiresAt), Timestamp.from(now), reserved.id()).update();
        } else {
            reserved = new Reservation(Ids.newId(clock), sku.value(), locationId, units, reference,
                    ReservationState.HELD, expiresAt, now, now);
            jdbc.sql("INSERT INTO inventory.reservation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 'HELD', ?, ?, ?)")
                    .params(reserved.id(), sku.value(), locationId, units, reference, Timestamp.from(expiresAt),
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
        events.publishEvent(new StockReserved(reserved.id(), sku.value(), locationId, units, reference, expiresAt,
                now));
        return reserved;
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
        // The balance row first, then the reservation: the order every other writer uses.
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
        for (Reservation reservation : expired) {
            events.publishEvent(new ReservationReleased(reservation.id(), reservation.sku(), reservation.locationId(),
                    reservation.quantity(), reservation.reference(), ReservationState.EXPIRED, now));
        }
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

    /** The live reservation of the reference for the SKU here; a lapsed hold found on the way is expired first. */
    private Optional<Reservation> activeFor(String reference, String sku, UUID locationId, Instant now) {
        Optional<Reservation> found = jdbc.sql("SELECT " + COLUMNS + """
                 FROM inventory.reservation
                WHERE reference = ? AND sku = ? AND location_id = ? AND state IN ('HELD', 'ALLOCATED') FOR UPDATE""")
                .params(reference, sku, locationId).query(JdbcReservations::reservation).optional();
        if (found.isPresent() && !found.get().activeAt(now)) {
            finish(found.get(), ReservationState.EXPIRED, now);
            return Optional.empty();
        }
        return found;
    }

    private Reservation locked(UUID reservationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory.reservation WHERE id = ? FOR UPDATE")
                .param(reservationId).query(JdbcReservations::reservation).optional()
                .orElseThrow(() -> new NotFoundException("Reservation", reservationId));
    }

    private static Reservation reservation(ResultSet rs, int row) throws SQLException {
        Timestamp expiresAt = rs.getTimestamp("expires_at");
        return new Reservation(rs.getObject("id", UUID.class), rs.getString("sku"),
                rs.getObject("location_id", UUID.class), rs.getInt("quantity"), rs.getString("reference"),
                ReservationState.valueOf(rs.getString("state")), expiresAt == null ? null : expiresAt.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
