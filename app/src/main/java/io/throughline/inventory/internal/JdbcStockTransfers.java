package io.throughline.inventory.internal;

import io.throughline.catalog.Sku;
import io.throughline.inventory.MovementKind;
import io.throughline.inventory.NewTransfer;
import io.throughline.inventory.StockTransfer;
import io.throughline.inventory.StockTransfers;
import io.throughline.inventory.TransferLine;
import io.throughline.inventory.TransferState;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Transfers in two steps, with their lines, and the ledger legs each step records. */
@Service
class JdbcStockTransfers implements StockTransfers {

    private static final int MAX_LINES = 500;
    private static final String COLUMNS = """
            t.id, t.from_location_id, t.to_location_id, t.state, t.reference, t.dispatched_at, t.received_at,
            ARRAY(SELECT l.sku FROM inventory.transfer_line l WHERE l.transfer_id = t.id ORDER BY l.position) AS skus,
            ARRAY(SELECT l.quantity FROM inventory.transfer_line l WHERE l.transfer_id = t.id ORDER BY l.position)
                AS quantities""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Balances balances;
    private final JdbcStockLocations locations;
    private final KnownSkus skus;

    JdbcStockTransfers(JdbcClient jdbc, Clock clock, Balances balances, JdbcStockLocations locations,
            KnownSkus skus) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.balances = balances;
        this.locations = locations;
        this.skus = skus;
    }

    @Override
    @Transactional
    public StockTransfer dispatch(NewTransfer transfer) {
        if (transfer.fromLocationId().equals(transfer.toLocationId())) {
            throw new InvalidRequestException("toLocationId", "must differ from the location the goods leave");
        }
        if (transfer.lines().isEmpty() || transfer.lines().size() > MAX_LINES) {
            throw new InvalidRequestException("lines", "must hold 1 to " + MAX_LINES + " SKUs");
        }
        locations.checkExists(transfer.fromLocationId(), "fromLocationId");
        locations.checkExists(transfer.toLocationId(), "toLocationId");
        var seen = new HashSet<Sku>();
        for (int i = 0; i < transfer.lines().size(); i++) {
            TransferLine line = transfer.lines().get(i);
            LineFields.atLine(i, () -> MovementPolicy.positive(line.quantity()));
            LineFields.atLine(i, () -> skus.check(line.sku()));
            if (!seen.add(line.sku())) {
                throw new InvalidRequestException("lines[" + i + "].sku", "is listed twice: add the units to one line");
            }
        }
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO inventory.transfer (id, from_location_id, to_location_id, state, reference, dispatched_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, transfer.fromLocationId(), transfer.toLocationId(), TransferState.IN_TRANSIT.name(),
                        transfer.reference(), Rows.timestamp(now))
                .update();
        jdbc.sql("""
                INSERT INTO inventory.transfer_line (transfer_id, position, sku, quantity)
                SELECT ?, l.position - 1, l.sku, l.quantity
                FROM unnest(?::text[], ?::int[]) WITH ORDINALITY AS l(sku, quantity, position)""")
                .params(id, transfer.lines().stream().map(line -> line.sku().value()).toArray(String[]::new),
                        transfer.lines().stream().map(TransferLine::quantity).toArray(Integer[]::new))
                .update();
        applyLegs(id, transfer.fromLocationId(), transfer.lines(), MovementKind.TRANSFER_OUT, transfer.reference());
        return get(id);
    }

    @Override
    @Transactional
    public StockTransfer receive(UUID id) {
        // The lock makes two associates pressing "received" at once put the goods in once.
        String state = jdbc.sql("SELECT state FROM inventory.transfer WHERE id = ? FOR UPDATE").param(id)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("Transfer", id));
        if (TransferState.valueOf(state) == TransferState.RECEIVED) {
            throw new ConflictException("id", "This transfer was received already");
        }
        StockTransfer transfer = get(id);
        jdbc.sql("UPDATE inventory.transfer SET state = ?, received_at = ? WHERE id = ?")
                .params(TransferState.RECEIVED.name(), Rows.timestamp(clock.instant()), id).update();
        applyLegs(id, transfer.toLocationId(), transfer.lines(), MovementKind.TRANSFER_IN, transfer.reference());
        return get(id);
    }

    private void applyLegs(UUID transferId, UUID locationId, List<TransferLine> lines, MovementKind kind,
            @org.jspecify.annotations.Nullable String reference) {
        // In SKU order, as every writer of several balance rows locks them, so that writers cannot deadlock.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> lines.get(i).sku().value()));
        for (int i : order) {
            TransferLine line = lines.get(i);
            int delta = MovementPolicy.delta(kind, line.quantity());
            LineFields.atLine(i, () -> balances.apply(line.sku().value(), locationId, kind, delta, transferId,
                    reference, null));
        }
    }

    @Override
    public StockTransfer get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory.transfer t WHERE t.id = ?").param(id)
                .query(JdbcStockTransfers::transfer).optional()
                .orElseThrow(() -> new NotFoundException("Transfer", id));
    }

    @Override
    public Page<StockTransfer> ofLocation(UUID locationId, PageRequest page) {
        return new PagedQuery(COLUMNS, "FROM inventory.transfer t WHERE t.from_location_id = ? OR t.to_location_id = ?",
                "t.dispatched_at DESC, t.id DESC", List.of(locationId, locationId))
                .read(jdbc, page, JdbcStockTransfers::transfer);
    }

    private static StockTransfer transfer(ResultSet rs, int row) throws SQLException {
        String[] skus = (String[]) array(rs.getArray("skus"));
        Integer[] quantities = (Integer[]) array(rs.getArray("quantities"));
        List<TransferLine> lines = new ArrayList<>(skus.length);
        for (int i = 0; i < skus.length; i++) {
            lines.add(new TransferLine(new Sku(skus[i]), quantities[i]));
        }
        return new StockTransfer(Rows.uuid(rs, "id"), Rows.uuid(rs, "from_location_id"),
                Rows.uuid(rs, "to_location_id"), Rows.enumOf(rs, "state", TransferState.class), lines,
                rs.getString("reference"), Rows.instant(rs, "dispatched_at"), Rows.instantOrNull(rs, "received_at"));
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
