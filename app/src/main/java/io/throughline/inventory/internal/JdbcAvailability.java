package io.throughline.inventory.internal;

import io.throughline.catalog.Sku;
import io.throughline.inventory.Availability;
import io.throughline.inventory.ChannelAvailability;
import io.throughline.inventory.ChannelLocation;
import io.throughline.inventory.LocationAvailability;
import io.throughline.inventory.LocationKind;
import io.throughline.inventory.PickupOption;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Rows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAvailability implements Availability {

    private static final int MAX_PICKUP_OPTIONS = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JdbcStockLocations locations;
    private final AvailabilitySnapshots snapshots;

    JdbcAvailability(JdbcClient jdbc, Clock clock, JdbcStockLocations locations, AvailabilitySnapshots snapshots) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.locations = locations;
        this.snapshots = snapshots;
    }

    @Override
    public ChannelAvailability of(Sku sku, String channel) {
        ChannelKeys.check(channel);
        return snapshots.get(sku.value(), channel, () -> compute(sku, channel));
    }

    /** One statement: the channel's locations, their balances and their live reservations of the SKU. */
    private AvailabilitySnapshots.Computed compute(Sku sku, String channel) {
        Instant now = clock.instant();
        List<Part> rows = jdbc.sql("""
                SELECT cl.location_id, l.code, coalesce(b.on_hand, 0) AS on_hand, coalesce(r.reserved, 0) AS reserved,
                       cl.safety_stock, r.next_expiry
                FROM inventory.channel_location cl
                JOIN inventory.location l ON l.id = cl.location_id
                LEFT JOIN inventory.balance b ON b.sku = ? AND b.location_id = cl.location_id
                LEFT JOIN (SELECT location_id, sum(quantity) AS reserved, min(expires_at) AS next_expiry
                           FROM inventory.reservation
                           WHERE sku = ? AND state IN ('HELD', 'ALLOCATED') AND (expires_at IS NULL OR expires_at > ?)
                           GROUP BY location_id) r ON r.location_id = cl.location_id
                WHERE cl.channel = ?
                ORDER BY l.code""")
                .params(sku.value(), sku.value(), Rows.timestamp(now), channel)
                .query((rs, row) -> {
                    int onHand = rs.getInt("on_hand");
                    int reserved = rs.getInt("reserved");
                    int safety = rs.getInt("safety_stock");
                    return new Part(new LocationAvailability(Rows.uuid(rs, "location_id"), rs.getString("code"),
                            onHand, reserved, safety, AvailabilityPolicy.available(onHand, reserved, safety)),
                            Rows.instantOrNull(rs, "next_expiry"));
                })
                .list();
        List<LocationAvailability> parts = rows.stream().map(Part::availability).toList();
        int total = parts.stream().mapToInt(LocationAvailability::available).sum();
        Instant nextExpiry = rows.stream().map(Part::nextExpiry).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new AvailabilitySnapshots.Computed(new ChannelAvailability(sku.value(), channel, total, parts, now),
                nextExpiry);
    }

    /** A location's part, and when the first of the holds it counts runs out. */
    private record Part(LocationAvailability availability, @Nullable Instant nextExpiry) {}

    @Override
    public List<PickupOption> pickupNear(Sku sku, double latitude, double longitude, int quantity,
            @Nullable String channel) {
        if (latitude < -90 || latitude > 90) {
            throw new InvalidRequestException("lat", "must be between -90 and 90");
        }
        if (longitude < -180 || longitude > 180) {
            throw new InvalidRequestException("lon", "must be between -180 and 180");
        }
        int units = MovementPolicy.positive(quantity);
        if (channel != null) {
            ChannelKeys.check(channel);
        }
        Instant now = clock.instant();
        // Shops are few (tens, not thousands), so the distance is computed here rather than in SQL.
        return jdbc.sql("SELECT " + prefixed() + """
                , coalesce(b.on_hand, 0) AS on_hand, coalesce(r.reserved, 0) AS reserved,
                  coalesce(cl.safety_stock, 0) AS safety_stock
                FROM inventory.location l
                LEFT JOIN inventory.channel_location cl ON cl.location_id = l.id AND cl.channel = ?
                LEFT JOIN inventory.balance b ON b.sku = ? AND b.location_id = l.id
                LEFT JOIN (SELECT location_id, sum(quantity) AS reserved FROM inventory.reservation
                           WHERE sku = ? AND state IN ('HELD', 'ALLOCATED') AND (expires_at IS NULL OR expires_at > ?)
                           GROUP BY location_id) r ON r.location_id = l.id
                WHERE l.kind = ? AND l.pickup AND (CAST(? AS TEXT) IS NULL OR cl.channel IS NOT NULL)""")
                .params(channel, sku.value(), sku.value(), Timestamp.from(now), LocationKind.SHOP.name(), channel)
                .query((rs, row) -> {
                    var location = locations.location(rs, row);
                    int available = AvailabilityPolicy.available(rs.getInt("on_hand"), rs.getInt("reserved"),
                            rs.getInt("safety_stock"));
                    double km = Distance.km(latitude, longitude, location.latitude(), location.longitude());
                    return new PickupOption(location.id(), location.code(), location.name(), location.address(),
                            location.latitude(), location.longitude(), location.openingHours(), available,
                            Math.round(km * 100) / 100.0);
                })
                .stream()
                .filter(option -> option.available() >= units)
                .sorted(Comparator.comparingDouble(PickupOption::distanceKm).thenComparing(PickupOption::code))
                .limit(MAX_PICKUP_OPTIONS)
                .toList();
    }

    @Override
    @Transactional
    public ChannelLocation allow(String channel, UUID locationId, int safetyStock) {
        ChannelKeys.check(channel);
        if (safetyStock < 0 || safetyStock > MovementPolicy.MAX_QUANTITY) {
            throw new InvalidRequestException("safetyStock", "must be between 0 and " + MovementPolicy.MAX_QUANTITY);
        }
        String code = locations.get(locationId).code();
        jdbc.sql("""
                INSERT INTO inventory.channel_location (channel, location_id, safety_stock, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (channel, location_id) DO UPDATE SET safety_stock = EXCLUDED.safety_stock,
                    updated_at = EXCLUDED.updated_at""")
                .params(channel, locationId, safetyStock, Timestamp.from(clock.instant())).update();
        snapshots.forgetAllAfterCommit();
        return new ChannelLocation(channel, locationId, code, safetyStock);
    }

    @Override
    @Transactional
    public void disallow(String channel, UUID locationId) {
        ChannelKeys.check(channel);
        locations.get(locationId);
        jdbc.sql("DELETE FROM inventory.channel_location WHERE channel = ? AND location_id = ?")
                .params(channel, locationId).update();
        snapshots.forgetAllAfterCommit();
    }

    @Override
    public List<ChannelLocation> locationsOf(String channel) {
        ChannelKeys.check(channel);
        return jdbc.sql("""
                SELECT cl.channel, cl.location_id, l.code, cl.safety_stock FROM inventory.channel_location cl
                JOIN inventory.location l ON l.id = cl.location_id WHERE cl.channel = ? ORDER BY l.code""")
                .param(channel)
                .query((rs, row) -> new ChannelLocation(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4)))
                .list();
    }

    @Override
    public List<String> channels() {
        return jdbc.sql("SELECT DISTINCT channel FROM inventory.channel_location ORDER BY channel").query(String.class)
                .list();
    }

    private static String prefixed() {
        return java.util.Arrays.stream(JdbcStockLocations.COLUMNS.split(",\\s*"))
                .map(column -> "l." + column).reduce((a, b) -> a + ", " + b).orElseThrow();
    }
}
