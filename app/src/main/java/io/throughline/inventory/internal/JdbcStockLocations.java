package io.throughline.inventory.internal;

import io.throughline.inventory.Address;
import io.throughline.inventory.LocationKind;
import io.throughline.inventory.NewStockLocation;
import io.throughline.inventory.OpeningHours;
import io.throughline.inventory.StockLocation;
import io.throughline.inventory.StockLocations;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcStockLocations implements StockLocations {

    static final String COLUMNS = "id, code, name, kind, street, city, postal_code, country, latitude, longitude, "
            + "opening_hours, pickup, ship_from_store, created_at, updated_at";
    private static final TypeReference<List<OpeningHours>> HOURS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final AvailabilitySnapshots snapshots;
    private final Permanent<UUID> existing = new Permanent<>();

    JdbcStockLocations(JdbcClient jdbc, Clock clock, JsonMapper json, AvailabilitySnapshots snapshots) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.snapshots = snapshots;
    }

    @Override
    @Transactional
    public StockLocation create(NewStockLocation location) {
        UUID id = Ids.newId(clock);
        Timestamp now = Rows.timestamp(clock.instant());
        try {
            jdbc.sql("INSERT INTO inventory.location (" + COLUMNS + ") "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")
                    .params(id, location.code(), location.name().strip(), location.kind().name(),
                            location.address().street().strip(), location.address().city().strip(),
                            location.address().postalCode().strip(), location.address().country(),
                            location.latitude(), location.longitude(), json.writeValueAsString(location.openingHours()),
                            location.pickup(), location.shipFromStore(), now, now)
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("code", "Another location already has code " + location.code());
        }
        return get(id);
    }

    @Override
    @Transactional
    public StockLocation update(UUID id, NewStockLocation location) {
        get(id);
        try {
            jdbc.sql("""
                    UPDATE inventory.location SET code = ?, name = ?, kind = ?, street = ?, city = ?, postal_code = ?,
                        country = ?, latitude = ?, longitude = ?, opening_hours = ?::jsonb, pickup = ?,
                        ship_from_store = ?, updated_at = ?
                    WHERE id = ?""")
                    .params(location.code(), location.name().strip(), location.kind().name(),
                            location.address().street().strip(), location.address().city().strip(),
                            location.address().postalCode().strip(), location.address().country(),
                            location.latitude(), location.longitude(), json.writeValueAsString(location.openingHours()),
                            location.pickup(), location.shipFromStore(), Rows.timestamp(clock.instant()), id)
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("code", "Another location already has code " + location.code());
        }
        // Availability names locations by code.
        snapshots.forgetAllAfterCommit();
        return get(id);
    }

    @Override
    public StockLocation get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory.location WHERE id = ?").param(id)
                .query(this::location).optional().orElseThrow(() -> new NotFoundException("Location", id));
    }

    @Override
    public Optional<StockLocation> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory.location WHERE code = ?").param(code)
                .query(this::location).optional();
    }

    @Override
    public Page<StockLocation> list(PageRequest page) {
        return new PagedQuery(COLUMNS, "FROM inventory.location", "name, id").read(jdbc, page, this::location);
    }

    /** Refuses an id that names no location, as a bad field of the request rather than a missing resource. */
    void checkExists(UUID locationId, String field) {
        if (existing.contains(locationId)) {
            return;
        }
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM inventory.location WHERE id = ?)").param(locationId)
                .query(Boolean.class).single();
        if (!exists) {
            throw new InvalidRequestException(field, "names no stock location");
        }
        // Locations are never deleted.
        existing.remember(locationId);
    }

    StockLocation location(ResultSet rs, int row) throws SQLException {
        return new StockLocation(Rows.uuid(rs, "id"), rs.getString("code"), rs.getString("name"),
                Rows.enumOf(rs, "kind", LocationKind.class),
                new Address(rs.getString("street"), rs.getString("city"), rs.getString("postal_code"),
                        rs.getString("country")),
                rs.getDouble("latitude"), rs.getDouble("longitude"), hours(rs.getString("opening_hours")),
                rs.getBoolean("pickup"), rs.getBoolean("ship_from_store"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    List<OpeningHours> hours(String stored) {
        return json.readValue(stored, HOURS);
    }
}
