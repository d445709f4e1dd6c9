package io.throughline.carts.internal;

import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.timestampOrNull;

import io.throughline.carts.CartState;
import io.throughline.carts.Fulfilment;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The carts schema: carts, their lines with the holds behind them, coupons and handoff codes. */
@Repository
class JdbcCarts {

    record CartRow(UUID id, @Nullable String anonymousId, @Nullable UUID profileId, CartState state, String currency,
            @Nullable UUID mergedInto, Fulfilment.@Nullable Kind fulfilment, @Nullable UUID pickupLocationId,
            String createdChannel, String lastChannel, Instant expiresAt, Instant createdAt, Instant updatedAt) {

        CartRow withState(CartState newState, @Nullable UUID newMergedInto, Instant now) {
            return new CartRow(id, anonymousId, profileId, newState, currency, newMergedInto, fulfilment,
                    pickupLocationId, createdChannel, lastChannel, expiresAt, createdAt, now);
        }

        CartRow withProfile(UUID profile, Instant now) {
            return new CartRow(id, anonymousId, profile, state, currency, mergedInto, fulfilment, pickupLocationId,
                    createdChannel, lastChannel, expiresAt, createdAt, now);
        }

        CartRow withFulfilment(Fulfilment.Kind kind, @Nullable UUID pickup, Instant now) {
            return new CartRow(id, anonymousId, profileId, state, currency, mergedInto, kind, pickup, createdChannel,
                    lastChannel, expiresAt, createdAt, now);
        }
    }

    record LineRow(String sku, int quantity, @Nullable UUID locationId, @Nullable UUID reservationId,
            @Nullable Instant holdExpiresAt, Instant addedAt) {

        LineRow withHold(int newQuantity, @Nullable UUID location, @Nullable UUID reservation,
                @Nullable Instant expiresAt) {
            return new LineRow(sku, newQuantity, location, reservation, expiresAt, addedAt);
        }

        /** Whether its hold still counts at that moment, as far as the cart knows. */
        boolean heldAt(Instant now) {
            return holdExpiresAt != null && holdExpiresAt.isAfter(now);
        }
    }

    /** A cart with its lines (oldest first) and coupons, as one statement read them. */
    record StoredCart(CartRow cart, List<LineRow> lines, List<String> coupons) {

        StoredCart {
            lines = List.copyOf(lines);
            coupons = List.copyOf(coupons);
        }

        UUID id() {
            return cart.id();
        }

        @Nullable LineRow line(String sku) {
            for (LineRow line : lines) {
                if (line.sku().equals(sku)) {
                    return line;
                }
            }
            return null;
        }

        /** The lines with this one in place of the SKU's line, or added, in the order a read would give. */
        List<LineRow> linesWith(LineRow changed) {
            List<LineRow> replaced = new ArrayList<>(lines.size() + 1);
            for (LineRow line : lines) {
                if (!line.sku().equals(changed.sku())) {
                    replaced.add(line);
                }
            }
            replaced.add(changed);
            replaced.sort(LINE_ORDER);
            return replaced;
        }

        List<LineRow> linesWithout(String sku) {
            return lines.stream().filter(line -> !line.sku().equals(sku)).toList();
        }
    }

    /** The order lines are read in; added_at is stored to the microsecond, so new lines are made so too. */
    static final Comparator<LineRow> LINE_ORDER = Comparator.comparing(LineRow::addedAt)
            .thenComparing(LineRow::sku);

    record HandoffRow(String code, UUID cartId, String issuedChannel, Instant expiresAt, Instant createdAt,
            @Nullable Instant claimedAt, @Nullable String claimedChannel) {}

    private static final String CART_COLUMNS = "id, anonymous_id, profile_id, state, currency, merged_into, "
            + "fulfilment, pickup_location_id, created_channel, last_channel, expires_at, created_at, updated_at";

    /**
     * The cart, its lines and its coupons in one statement: one row per line (one with null line columns for an
     * empty cart). The two xmin columns tell whether the row lock waited for a transaction that changed the cart:
     * the locked row is then newer than the statement's snapshot, which the lines and coupons were read from.
     */
    private static final String STORED_CART = """
            SELECT c.id, c.anonymous_id, c.profile_id, c.state, c.currency, c.merged_into, c.fulfilment,
                   c.pickup_location_id, c.created_channel, c.last_channel, c.expires_at, c.created_at, c.updated_at,
                   c.xmin::text AS locked_version,
                   (SELECT s.xmin::text FROM carts.cart s WHERE s.id = c.id) AS seen_version,
                   ARRAY(SELECT k.code FROM carts.coupon k WHERE k.cart_id = ? ORDER BY k.added_at, k.code) AS coupons,
                   l.sku, l.quantity, l.location_id, l.reservation_id, l.hold_expires_at, l.added_at
            FROM carts.cart c LEFT JOIN carts.line l ON l.cart_id = c.id
            WHERE c.id = ?
            ORDER BY l.added_at, l.sku""";

    private static final String HANDOFF_COLUMNS =
            "code, cart_id, issued_channel, expires_at, created_at, claimed_at, claimed_channel";

    private final JdbcClient jdbc;

    JdbcCarts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the cart; false when the customer already has an open cart (only one may be open). */
    boolean insert(CartRow cart) {
        return jdbc.sql("INSERT INTO carts.cart (" + CART_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(cart.id(), cart.anonymousId(), cart.profileId(), cart.state().name(), cart.currency(),
                        cart.mergedInto(), cart.fulfilment() == null ? null : cart.fulfilment().name(),
                        cart.pickupLocationId(), cart.createdChannel(), cart.lastChannel(), timestamp(cart.expiresAt()),
                        timestamp(cart.createdAt()), timestamp(cart.updatedAt()))
                .update() == 1;
    }

    /** The cart as it stands, without a lock. */
    Optional<StoredCart> find(UUID id) {
        return read(id, false);
    }

    /** The cart, locked until the transaction ends, so that changes to one cart happen one after another. */
    StoredCart lock(UUID id) {
        return read(id, true).orElseThrow(() -> new NotFoundException("Cart", id));
    }

    Optional<CartRow> openOfProfile(UUID profileId) {
        return jdbc.sql("SELECT " + CART_COLUMNS + " FROM carts.cart WHERE profile_id = ? AND state = ?")
                .params(profileId, CartState.OPEN.name()).query(JdbcCarts::cart).optional();
    }

    Optional<CartRow> openOfAnonymous(String anonymousId) {
        return jdbc.sql("SELECT " + CART_COLUMNS + " FROM carts.cart WHERE anonymous_id = ? AND state = ? "
                        + "AND profile_id IS NULL ORDER BY created_at DESC LIMIT 1")
                .params(anonymousId, CartState.OPEN.name()).query(JdbcCarts::cart).optional();
    }

    void touch(UUID id, String channel, Instant expiresAt, Instant now) {
        jdbc.sql("UPDATE carts.cart SET last_channel = ?, expires_at = ?, updated_at = ? WHERE id = ?")
                .params(channel, timestamp(expiresAt), timestamp(now), id).update();
    }

    void changeState(UUID id, CartState state, @Nullable UUID mergedInto, Instant now) {
        jdbc.sql("UPDATE carts.cart SET state = ?, merged_into = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), mergedInto, timestamp(now), id).update();
    }

    void assign(UUID id, UUID profileId, Instant now) {
        jdbc.sql("UPDATE carts.cart SET profile_id = ?, updated_at = ? WHERE id = ?")
                .params(profileId, timestamp(now), id).update();
    }

    void fulfilment(UUID id, Fulfilment.Kind kind, @Nullable UUID pickupLocationId, Instant now) {
        jdbc.sql("UPDATE carts.cart SET fulfilment = ?, pickup_location_id = ?, updated_at = ? WHERE id = ?")
                .params(kind.name(), pickupLocationId, timestamp(now), id).update();
    }

    void saveLine(UUID cartId, LineRow line) {
        jdbc.sql("""
                INSERT INTO carts.line (cart_id, sku, quantity, location_id, reservation_id, hold_expires_at, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity, location_id = excluded.location_id,
                    reservation_id = excluded.reservation_id, hold_expires_at = excluded.hold_expires_at""")
                .params(cartId, line.sku(), line.quantity(), line.locationId(), line.reservationId(),
                        timestampOrNull(line.holdExpiresAt()), timestamp(line.addedAt()))
                .update();
    }

    /**
     * The line stored and the cart's activity recorded, in one statement: what every add and change of
     * quantity writes.
     */
    void saveLineAndTouch(UUID cartId, LineRow line, String channel, Instant expiresAt, Instant now) {
        jdbc.sql("""
                WITH touched AS (UPDATE carts.cart SET last_channel = ?, expires_at = ?, updated_at = ? WHERE id = ?)
                INSERT INTO carts.line (cart_id, sku, quantity, location_id, reservation_id, hold_expires_at, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity, location_id = excluded.location_id,
                    reservation_id = excluded.reservation_id, hold_expires_at = excluded.hold_expires_at""")
                .params(channel, timestamp(expiresAt), timestamp(now), cartId, cartId, line.sku(), line.quantity(),
                        line.locationId(), line.reservationId(), timestampOrNull(line.holdExpiresAt()),
                        timestamp(line.addedAt()))
                .update();
    }

    void deleteLine(UUID cartId, String sku) {
        jdbc.sql("DELETE FROM carts.line WHERE cart_id = ? AND sku = ?").params(cartId, sku).update();
    }

    void addCoupon(UUID cartId, String code, Instant now) {
        jdbc.sql("INSERT INTO carts.coupon (cart_id, code, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(cartId, code, timestamp(now)).update();
    }

    boolean removeCoupon(UUID cartId, String code) {
        return jdbc.sql("DELETE FROM carts.coupon WHERE cart_id = ? AND code = ?").params(cartId, code).update() > 0;
    }

    void removeCoupons(UUID cartId) {
        jdbc.sql("DELETE FROM carts.coupon WHERE cart_id = ?").param(cartId).update();
    }

    /** Stores the code unless a live code has it; an expired code's row is taken over. */
    boolean insertHandoff(HandoffRow handoff) {
        return jdbc.sql("""
                INSERT INTO carts.handoff (code, cart_id, issued_channel, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET cart_id = excluded.cart_id, issued_channel = excluded.issued_channel,
                    expires_at = excluded.expires_at, created_at = excluded.created_at, claimed_at = NULL,
                    claimed_channel = NULL
                WHERE carts.handoff.expires_at <= excluded.created_at""")
                .params(handoff.code(), handoff.cartId(), handoff.issuedChannel(), timestamp(handoff.expiresAt()),
                        timestamp(handoff.createdAt()))
                .update() == 1;
    }

    Optional<HandoffRow> lockHandoff(String code) {
        return jdbc.sql("SELECT " + HANDOFF_COLUMNS + " FROM carts.handoff WHERE code = ? FOR UPDATE")
                .param(code).query(JdbcCarts::handoff).optional();
    }

    Optional<HandoffRow> liveHandoff(UUID cartId, Instant now) {
        return jdbc.sql("SELECT " + HANDOFF_COLUMNS + """
                 FROM carts.handoff WHERE cart_id = ? AND expires_at > ? AND claimed_at IS NULL
                ORDER BY created_at DESC LIMIT 1""")
                .params(cartId, timestamp(now)).query(JdbcCarts::handoff).optional();
    }

    Optional<HandoffRow> liveHandoffByCode(String code, Instant now) {
        return jdbc.sql("SELECT " + HANDOFF_COLUMNS
                        + " FROM carts.handoff WHERE code = ? AND expires_at > ? AND claimed_at IS NULL")
                .params(code, timestamp(now)).query(JdbcCarts::handoff).optional();
    }

    void claimHandoff(String code, String channel, Instant now) {
        jdbc.sql("UPDATE carts.handoff SET claimed_at = ?, claimed_channel = ? WHERE code = ?")
                .params(timestamp(now), channel, code).update();
    }

    private Optional<StoredCart> read(UUID id, boolean lock) {
        List<Read> rows = jdbc.sql(STORED_CART + (lock ? " FOR UPDATE OF c" : "")).params(id, id)
                .query(JdbcCarts::read).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (lock && !Objects.equals(rows.getFirst().lockedVersion(), rows.getFirst().seenVersion())) {
            // Another change of this cart committed while the lock was waited for; the lock is held now, so
            // reading again sees that change and waits for nobody.
            return read(id, true);
        }
        List<LineRow> lines = new ArrayList<>(rows.size());
        for (Read row : rows) {
            if (row.line() != null) {
                lines.add(row.line());
            }
        }
        return Optional.of(new StoredCart(rows.getFirst().cart(), lines, rows.getFirst().coupons()));
    }

    private record Read(CartRow cart, @Nullable String lockedVersion, @Nullable String seenVersion,
            List<String> coupons, @Nullable LineRow line) {}

    private static Read read(ResultSet rs, int row) throws SQLException {
        String sku = rs.getString("sku");
        LineRow line = sku == null ? null : new LineRow(sku, rs.getInt("quantity"), Rows.uuidOrNull(rs, "location_id"),
                Rows.uuidOrNull(rs, "reservation_id"), Rows.instantOrNull(rs, "hold_expires_at"),
                Rows.instant(rs, "added_at"));
        return new Read(cart(rs, row), rs.getString("locked_version"), rs.getString("seen_version"),
                codes(rs.getArray("coupons")), line);
    }

    private static List<String> codes(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static CartRow cart(ResultSet rs, int row) throws SQLException {
        return new CartRow(Rows.uuid(rs, "id"), rs.getString("anonymous_id"), Rows.uuidOrNull(rs, "profile_id"),
                Rows.enumOf(rs, "state", CartState.class), rs.getString("currency"), Rows.uuidOrNull(rs, "merged_into"),
                Rows.enumOrNull(rs, "fulfilment", Fulfilment.Kind.class), Rows.uuidOrNull(rs, "pickup_location_id"),
                rs.getString("created_channel"), rs.getString("last_channel"), Rows.instant(rs, "expires_at"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    private static HandoffRow handoff(ResultSet rs, int row) throws SQLException {
        return new HandoffRow(rs.getString("code"), Rows.uuid(rs, "cart_id"), rs.getString("issued_channel"),
                Rows.instant(rs, "expires_at"), Rows.instant(rs, "created_at"), Rows.instantOrNull(rs, "claimed_at"),
                rs.getString("claimed_channel"));
    }
}
