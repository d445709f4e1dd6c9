package io.throughline.carts.internal;

import io.throughline.carts.CartState;
import io.throughline.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The carts schema: carts, their lines with the holds behind them, coupons and handoff codes. */
@Repository
class JdbcCarts {

    record CartRow(UUID id, @Nullable String anonymousId, @Nullable UUID profileId, CartState state, String currency,
            @Nullable UUID mergedInto, @Nullable String fulfilment, @Nullable UUID pickupLocationId,
            String createdChannel, String lastChannel, Instant expiresAt, Instant createdAt, Instant updatedAt) {}

    record LineRow(String sku, int quantity, @Nullable UUID locationId, @Nullable UUID reservationId,
            @Nullable Instant holdExpiresAt, Instant addedAt) {

        LineRow withHold(int newQuantity, @Nullable UUID location, @Nullable UUID reservation,
                @Nullable Instant expiresAt) {
            return new LineRow(sku, newQuantity, location, reservation, expiresAt, addedAt);
        }
    }

    record HandoffRow(String code, UUID cartId, String issuedChannel, Instant expiresAt, Instant createdAt,
            @Nullable Instant claimedAt, @Nullable String claimedChannel) {}

    private static final String CART_COLUMNS = "id, anonymous_id, profile_id, state, currency, merged_into, "
            + "fulfilment, pickup_location_id, created_channel, last_channel, expires_at, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcCarts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the cart; false when the customer already has an open cart (only one may be open). */
    boolean insert(CartRow cart) {
        return jdbc.sql("INSERT INTO carts.cart (" + CART_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(cart.id(), cart.anonymousId(), cart.profileId(), cart.state().name(), cart.currency(),
                        cart.mergedInto(), cart.fulfilment(), cart.pickupLocationId(), cart.createdChannel(),
                        cart.lastChannel(), ts(cart.expiresAt()), ts(cart.createdAt()), ts(cart.updatedAt()))
                .update() == 1;
    }

    Optional<CartRow> find(UUID id) {
        return jdbc.sql("SELECT " + CART_COLUMNS + " FROM carts.cart WHERE id = ?").param(id)
                .query(JdbcCarts::cart).optional();
    }

    /** The cart, locked until the transaction ends, so that changes to one cart happen one after another. */
    CartRow lock(UUID id) {
        return jdbc.sql("SELECT " + CART_COLUMNS + " FROM carts.cart WHERE id = ? FOR UPDATE").param(id)
                .query(JdbcCarts::cart).optional().orElseThrow(() -> new NotFoundException("Cart", id));
    }

    Optional<CartRow> openOfProfile(UUID profileId) {
        return jdbc.sql("SELECT " + CART_COLUMNS + " FROM carts.cart WHERE profile_id = ? AND state = 'OPEN'")
                .param(profileId).query(JdbcCarts::cart).optional();
    }

    Optional<CartRow> openOfAnonymous(String anonymousId) {
        return jdbc.sql("SELECT " + CART_COLUMNS + " FROM carts.cart "
                        + "WHERE anonymous_id = ? AND state = 'OPEN' AND profile_id IS NULL ORDER BY created_at DESC LIMIT 1")
                .param(anonymousId).query(JdbcCarts::cart).optional();
    }

    void touch(UUID id, String channel, Instant expiresAt, Instant now) {
        jdbc.sql("UPDATE carts.cart SET last_channel = ?, expires_at = ?, updated_at = ? WHERE id = ?")
                .params(channel, ts(expiresAt), ts(now), id).update();
    }

    void changeState(UUID id, CartState state, @Nullable UUID mergedInto, Instant now) {
        jdbc.sql("UPDATE carts.cart SET state = ?, merged_into = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), mergedInto, ts(now), id).update();
    }

    void assign(UUID id, UUID profileId, Instant now) {
        jdbc.sql("UPDATE carts.cart SET profile_id = ?, updated_at = ? WHERE id = ?")
                .params(profileId, ts(now), id).update();
    }

    void fulfilment(UUID id, @Nullable String kind, @Nullable UUID pickupLocationId, Instant now) {
        jdbc.sql("UPDATE carts.cart SET fulfilment = ?, pickup_location_id = ?, updated_at = ? WHERE id = ?")
                .params(kind, pickupLocationId, ts(now), id).update();
    }

    List<LineRow> lines(UUID cartId) {
        return jdbc.sql("""
                SELECT sku, quantity, location_id, reservation_id, hold_expires_at, added_at
                FROM carts.line WHERE cart_id = ? ORDER BY added_at, sku""")
                .param(cartId)
                .query((rs, row) -> new LineRow(rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), instant(rs.getTimestamp(5)), rs.getTimestamp(6).toInstant()))
                .list();
    }

    void saveLine(UUID cartId, LineRow line) {
        jdbc.sql("""
                INSERT INTO carts.line (cart_id, sku, quantity, location_id, reservation_id, hold_expires_at, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity, location_id = excluded.location_id,
                    reservation_id = excluded.reservation_id, hold_expires_at = excluded.hold_expires_at""")
                .params(cartId, line.sku(), line.quantity(), line.locationId(), line.reservationId(),
                        line.holdExpiresAt() == null ? null : ts(line.holdExpiresAt()), ts(line.addedAt()))
                .update();
    }

    void deleteLine(UUID cartId, String sku) {
        jdbc.sql("DELETE FROM carts.line WHERE cart_id = ? AND sku = ?").params(cartId, sku).update();
    }

    List<String> coupons(UUID cartId) {
        return jdbc.sql("SELECT code FROM carts.coupon WHERE cart_id = ? ORDER BY added_at, code").param(cartId)
                .query(String.class).list();
    }

    void addCoupon(UUID cartId, String code, Instant now) {
        jdbc.sql("INSERT INTO carts.coupon (cart_id, code, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(cartId, code, ts(now)).update();
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
                .params(handoff.code(), handoff.cartId(), handoff.issuedChannel(), ts(handoff.expiresAt()),
                        ts(handoff.createdAt()))
                .update() == 1;
    }

    Optional<HandoffRow> lockHandoff(String code) {
        return jdbc.sql("SELECT code, cart_id, issued_channel, expires_at, created_at, claimed_at, claimed_channel "
                        + "FROM carts.handoff WHERE code = ? FOR UPDATE")
                .param(code).query(JdbcCarts::handoff).optional();
    }

    Optional<HandoffRow> liveHandoff(UUID cartId, Instant now) {
        return jdbc.sql("""
                SELECT code, cart_id, issued_channel, expires_at, created_at, claimed_at, claimed_channel
                FROM carts.handoff WHERE cart_id = ? AND expires_at > ? AND claimed_at IS NULL
                ORDER BY created_at DESC LIMIT 1""")
                .params(cartId, ts(now)).query(JdbcCarts::handoff).optional();
    }

    Optional<HandoffRow> liveHandoffByCode(String code, Instant now) {
        return jdbc.sql("""
                SELECT code, cart_id, issued_channel, expires_at, created_at, claimed_at, claimed_channel
                FROM carts.handoff WHERE code = ? AND expires_at > ? AND claimed_at IS NULL""")
                .params(code, ts(now)).query(JdbcCarts::handoff).optional();
    }

    void claimHandoff(String code, String channel, Instant now) {
        jdbc.sql("UPDATE carts.handoff SET claimed_at = ?, claimed_channel = ? WHERE code = ?")
                .params(ts(now), channel, code).update();
    }

    private static CartRow cart(ResultSet rs, int row) throws SQLException {
        return new CartRow(rs.getObject("id", UUID.class), rs.getString("anonymous_id"),
                rs.getObject("profile_id", UUID.class), CartState.valueOf(rs.getString("state")),
                rs.getString("currency"), rs.getObject("merged_into", UUID.class), rs.getString("fulfilment"),
                rs.getObject("pickup_location_id", UUID.class), rs.getString("created_channel"),
                rs.getString("last_channel"), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static HandoffRow handoff(ResultSet rs, int row) throws SQLException {
        return new HandoffRow(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)),
                rs.getString(7));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
