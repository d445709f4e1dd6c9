package io.throughline.inventory.internal;

import io.throughline.catalog.Sku;
import io.throughline.inventory.CountedStock;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.NewMovement;
import io.throughline.inventory.ReservationState;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLevel;
import io.throughline.inventory.StockMovement;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcStockLedger implements StockLedger {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Balances balances;
    private final JdbcStockLocations locations;
    private final KnownSkus skus;

    JdbcStockLedger(JdbcClient jdbc, Clock clock, Balances balances, JdbcStockLocations locations, KnownSkus skus) {
        this.skus = skus;
        this.jdbc = jdbc;
        this.clock = clock;
        this.balances = balances;
        this.locations = locations;
    }

    @Override
    @Transactional
    public StockMovement record(NewMovement movement) {
        int delta = MovementPolicy.delta(movement.kind(), movement.quantity());
        if (movement.kind() == MovementKind.TRANSFER_IN || movement.kind() == MovementKind.TRANSFER_OUT) {
            throw new InvalidRequestException("kind", "a transfer is recorded through the transfers endpoint");
        }
        locations.checkExists(movement.locationId(), "locationId");
        skus.check(movement.sku());
        return balances.apply(movement.sku().value(), movement.locationId(), movement.kind(), delta, null,
                movement.reference(), movement.note());
    }

    @Override
    @Transactional
    public List<StockMovement> recordAll(List<NewMovement> movements) {
        List<Integer> deltas = new ArrayList<>(movements.size());
        for (NewMovement movement : movements) {
            if (movement.kind() == MovementKind.TRANSFER_IN || movement.kind() == MovementKind.TRANSFER_OUT) {
                throw new InvalidRequestException("kind", "a transfer is recorded through the transfers endpoint");
            }
            deltas.add(MovementPolicy.delta(movement.kind(), movement.quantity()));
        }
        movements.stream().map(NewMovement::locationId).distinct()
                .forEach(location -> locations.checkExists(location, "locationId"));
        skus.checkAll(movements.stream().map(NewMovement::sku).toList());
        return balances.applyAll(movements, deltas);
    }

    @Override
    @Transactional
    public List<StockMovement> transfer(Sku sku, UUID fromLocationId, UUID toLocationId, int quantity,
            @Nullable String reference) {
        int units = MovementPolicy.positive(quantity);
        if (fromLocationId.equals(toLocationId)) {
            throw new InvalidRequestException("toLocationId", "must differ from the location the stock leaves");
        }
        locations.checkExists(fromLocationId, "fromLocationId");
        locations.checkExists(toLocationId, "toLocationId");
        skus.check(sku);
        UUID transferId = Ids.newId(clock);
        // Both balance rows are locked in one order whatever the direction, so two opposite transfers cannot deadlock.
        boolean fromFirst = fromLocationId.compareTo(toLocationId) < 0;
        balances.lock(sku.value(), fromFirst ? fromLocationId : toLocationId);
        balances.lock(sku.value(), fromFirst ? toLocationId : fromLocationId);
        List<StockMovement> legs = new ArrayList<>(2);
        legs.add(balances.apply(sku.value(), fromLocationId, MovementKind.TRANSFER_OUT, -units, transferId, reference,
                null));
        legs.add(balances.apply(sku.value(), toLocationId, MovementKind.TRANSFER_IN, units, transferId, reference,
                null));
        return legs;
    }

    @Override
    @Transactional
    public StockMovement count(Sku sku, UUID locationId, int counted, @Nullable String reference) {
        int units = MovementPolicy.counted(counted);
        locations.checkExists(locationId, "locationId");
        skus.check(sku);
        int onHand = balances.lock(sku.value(), locationId);
        return balances.apply(sku.value(), locationId, MovementKind.COUNT, units - onHand, null, reference,
                "counted " + units);
    }

    @Override
    @Transactional
    public List<StockMovement> countAll(UUID locationId, List<CountedStock> lines, @Nullable String reference) {
        if (lines.isEmpty()) {
            throw new InvalidRequestException("lines", "must count at least one SKU");
        }
        locations.checkExists(locationId, "locationId");
        var seen = new HashSet<String>();
        for (int i = 0; i < lines.size(); i++) {
            CountedStock line = lines.get(i);
            LineFields.atLine(i, () -> MovementPolicy.counted(line.counted()));
            LineFields.atLine(i, () -> skus.check(line.sku()));
            if (!seen.add(line.sku().value())) {
                throw new InvalidRequestException("lines[" + i + "].sku",
                        "is counted twice: add the units to one line");
            }
        }
        // Balance rows are locked in SKU order, as every writer of several rows does, so writers cannot deadlock.
        List<CountedStock> ordered = lines.stream().sorted(Comparator.comparing(line -> line.sku().value())).toList();
        List<StockMovement> recorded = new ArrayList<>(ordered.size());
        for (CountedStock line : ordered) {
            int onHand = balances.lock(line.sku().value(), locationId);
            recorded.add(balances.apply(line.sku().value(), locationId, MovementKind.COUNT, line.counted() - onHand,
                    null, reference, "counted " + line.counted()));
        }
        return recorded;
    }

    @Override
    public StockLevel level(Sku sku, UUID locationId) {
        String code = jdbc.sql("SELECT code FROM inventory.location WHERE id = ?").param(locationId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("Location", locationId));
        int onHand = jdbc.sql("SELECT on_hand FROM inventory.balance WHERE sku = ? AND location_id = ?")
                .params(sku.value(), locationId).query(Integer.class).optional().orElse(0);
        return new StockLevel(sku.value(), locationId, code, onHand,
                balances.reserved(sku.value(), locationId, clock.instant()));
    }

    @Override
    public List<StockLevel> levels(Sku sku) {
        return jdbc.sql("""
                SELECT b.location_id, l.code, b.on_hand, coalesce(r.reserved, 0) AS reserved
                FROM inventory.balance b
                JOIN inventory.location l ON l.id = b.location_id
                LEFT JOIN (SELECT location_id, sum(quantity) AS reserved FROM inventory.reservation
                           WHERE sku = ? AND state IN (?, ?) AND (expires_at IS NULL OR expires_at > ?)
                           GROUP BY location_id) r ON r.location_id = b.location_id
                WHERE b.sku = ?
                ORDER BY l.code""")
                .params(sku.value(), ReservationState.HELD.name(), ReservationState.ALLOCATED.name(),
                        Rows.timestamp(clock.instant()), sku.value())
                .query((rs, row) -> new StockLevel(sku.value(), Rows.uuid(rs, "location_id"),
                        rs.getString("code"), rs.getInt("on_hand"), rs.getInt("reserved")))
                .list();
    }

    @Override
    public Page<StockMovement> movements(Sku sku, UUID locationId, PageRequest page) {
        return new PagedQuery("id, sku, location_id, kind, quantity, on_hand_after, transfer_id, reference, note, recorded_at",
                "FROM inventory.movement WHERE sku = ? AND location_id = ?", "recorded_at DESC, id DESC",
                List.of(sku.value(), locationId))
                .read(jdbc, page, JdbcStockLedger::movement);
    }

    private static StockMovement movement(ResultSet rs, int row) throws SQLException {
        return new StockMovement(Rows.uuid(rs, "id"), rs.getString("sku"), Rows.uuid(rs, "location_id"),
                Rows.enumOf(rs, "kind", MovementKind.class), rs.getInt("quantity"), rs.getInt("on_hand_after"),
                Rows.uuidOrNull(rs, "transfer_id"), rs.getString("reference"), rs.getString("note"),
                Rows.instant(rs, "recorded_at"));
    }
}
