package io.throughline.loyalty.internal;

import static io.throughline.platform.Rows.timestamp;

import io.throughline.loyalty.MemberPoints;
import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Accounts, movements with their entries, and lots: the rows of the ledger, read and written in SQL. */
@Component
class LedgerStore {

    /** A lot still holding points, as locked for spending. */
    record OpenLot(UUID id, long remaining, Instant expiresAt) {}

    /** One line of the double entry. */
    record Entry(Book book, @Nullable UUID accountId, long points) {}

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account that holds the profile's points now, opening one for her when she has none. */
    UUID accountFor(UUID profileId, UUID newId, Instant now) {
        jdbc.sql("INSERT INTO loyalty.account (id, profile_id, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (profile_id) DO NOTHING")
                .params(newId, profileId, timestamp(now)).update();
        return existingAccount(profileId).orElseThrow();
    }

    /** The account that holds the profile's points now: hers, or the one hers was merged into. */
    Optional<UUID> existingAccount(UUID profileId) {
        return jdbc.sql("""
                WITH RECURSIVE chain (id, merged_into, depth) AS (
                    SELECT id, merged_into, 0 FROM loyalty.account WHERE profile_id = ?
                    UNION ALL
                    SELECT a.id, a.merged_into, c.depth + 1 FROM loyalty.account a JOIN chain c ON a.id = c.merged_into
                    WHERE c.depth < 50)
                SELECT id FROM chain WHERE merged_into IS NULL""")
                .param(profileId).query((rs, n) -> Rows.uuid(rs, "id")).optional();
    }

    /** The profile's own account, merged into another or not. */
    Optional<UUID> ownAccount(UUID profileId) {
        return jdbc.sql("SELECT id FROM loyalty.account WHERE profile_id = ?").param(profileId)
                .query((rs, n) -> Rows.uuid(rs, "id")).optional();
    }

    /** The account's own profile. */
    UUID profileOf(UUID accountId) {
        return jdbc.sql("SELECT profile_id FROM loyalty.account WHERE id = ?").param(accountId)
                .query((rs, n) -> Rows.uuid(rs, "profile_id")).single();
    }

    /** Locks the account for a change of its points and answers what it owes. */
    long lock(UUID accountId) {
        return jdbc.sql("SELECT owed FROM loyalty.account WHERE id = ? FOR UPDATE").param(accountId)
                .query(Long.class).single();
    }

    void owed(UUID accountId, long owed) {
        jdbc.sql("UPDATE loyalty.account SET owed = ? WHERE id = ?").params(owed, accountId).update();
    }

    void mergedInto(UUID accountId, @Nullable UUID survivor) {
        jdbc.sql("UPDATE loyalty.account SET merged_into = ? WHERE id = ?").params(survivor, accountId).update();
    }

    /**
     * Writes the movement unless its reference was used before; answers its id, or empty for a repeat. A
     * concurrent repeat waits here for the first to commit, then finds the reference taken.
     */
    Optional<UUID> claim(UUID id, Posting posting, long points, Instant now) {
        return jdbc.sql("""
                INSERT INTO loyalty.movement (id, account_id, kind, points, reference, channel, order_id, reason,
                    staff_id, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (reference) DO NOTHING RETURNING id""")
                .params(id, posting.accountId(), posting.kind().name(), points, posting.reference(),
                        posting.channel(), posting.orderId(), posting.reason(), posting.staffId(),
                        timestamp(posting.occurredAt()), timestamp(now))
                .query((rs, n) -> Rows.uuid(rs, "id")).optional();
    }

    /** The movement already recorded under a reference: its id, account and points. */
    Optional<Recorded> recorded(String reference) {
        return jdbc.sql("SELECT id, account_id, points FROM loyalty.movement WHERE reference = ?").param(reference)
                .query((rs, n) -> new Recorded(Rows.uuid(rs, "id"), Rows.uuid(rs, "account_id"),
                        rs.getLong("points"))).optional();
    }

    record Recorded(UUID movementId, UUID accountId, long points) {}

    void entries(UUID movementId, List<Entry> entries) {
        List<Entry> moving = entries.stream().filter(entry -> entry.points() != 0).toList();
        if (moving.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO loyalty.entry (movement_id, book, account_id, points)
                SELECT ?, book, account_id, points FROM unnest(?::text[], ?::uuid[], ?::bigint[])
                    AS e (book, account_id, points)""")
                .params(movementId, moving.stream().map(entry -> entry.book().name()).toArray(String[]::new),
                        moving.stream().map(Entry::accountId).toArray(UUID[]::new),
                        moving.stream().map(Entry::points).toArray(Long[]::new))
                .update();
    }

    void addLot(UUID id, UUID accountId, UUID movementId, long points, Instant expiresAt) {
        jdbc.sql("INSERT INTO loyalty.lot (id, account_id, movement_id, points, remaining, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, accountId, movementId, points, points, timestamp(expiresAt)).update();
    }

    /** The account's lots still holding points, nearest expiry first, locked for spending. */
    List<OpenLot> openLotsForUpdate(UUID accountId) {
        return jdbc.sql("SELECT id, remaining, expires_at FROM loyalty.lot WHERE account_id = ? AND remaining > 0 "
                + "ORDER BY expires_at, id FOR UPDATE")
                .param(accountId)
                .query((rs, n) -> new OpenLot(Rows.uuid(rs, "id"), rs.getLong("remaining"),
                        Rows.instant(rs, "expires_at"))).list();
    }

    /** Takes points from lots, noting which movement took them (the movement is null for netting owed points). */
    void take(@Nullable UUID movementId, List<UUID> lots, List<Long> points) {
        if (lots.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE loyalty.lot l SET remaining = l.remaining - t.points
                FROM unnest(?::uuid[], ?::bigint[]) AS t (id, points) WHERE l.id = t.id""")
                .params(lots.toArray(UUID[]::new), points.toArray(Long[]::new)).update();
        if (movementId != null) {
            jdbc.sql("INSERT INTO loyalty.lot_use (movement_id, lot_id, points) "
                    + "SELECT ?, id, points FROM unnest(?::uuid[], ?::bigint[]) AS t (id, points)")
                    .params(movementId, lots.toArray(UUID[]::new), points.toArray(Long[]::new)).update();
        }
    }

    /** The latest expiry among the lots a movement took points from, or null when it took none. */
    @Nullable Instant latestExpiryUsedBy(UUID movementId) {
        return jdbc.sql("SELECT max(l.expires_at) AS at FROM loyalty.lot_use u JOIN loyalty.lot l ON l.id = u.lot_id "
                + "WHERE u.movement_id = ?").param(movementId)
                .query((rs, n) -> Rows.instantOrNull(rs, "at")).single();
    }

    /** Moves the account's open lots to another account, noting where they came from; answers their points. */
    long moveOpenLots(UUID from, UUID to) {
        return jdbc.sql("""
                WITH moved AS (
                    UPDATE loyalty.lot SET account_id = ?, merged_from = merged_from || ?::uuid
                    WHERE account_id = ? AND remaining > 0 RETURNING remaining)
                SELECT coalesce(sum(remaining), 0) FROM moved""")
                .params(to, from, from).query(Long.class).single();
    }

    /** Hands back the survivor's open lots that came from the restored account; answers their points. */
    long returnOpenLots(UUID survivor, UUID restored) {
        return jdbc.sql("""
                WITH moved AS (
                    UPDATE loyalty.lot SET account_id = ?, merged_from = trim_array(merged_from, 1)
                    WHERE account_id = ? AND remaining > 0 AND cardinality(merged_from) > 0
                      AND merged_from[cardinality(merged_from)] = ? RETURNING remaining)
                SELECT coalesce(sum(remaining), 0) FROM moved""")
                .params(restored, survivor, restored).query(Long.class).single();
    }

    /** Points held in the account's lots. */
    long held(UUID accountId) {
        return jdbc.sql("SELECT coalesce(sum(remaining), 0) FROM loyalty.lot WHERE account_id = ? AND remaining > 0")
                .param(accountId).query(Long.class).single();
    }

    /** The member's points, read in one statement. */
    Optional<MemberPoints> member(UUID profileId) {
        return existingAccount(profileId).map(account -> {
            long owed = jdbc.sql("SELECT owed FROM loyalty.account WHERE id = ?").param(account).query(Long.class)
                    .single();
            List<MemberPoints.Lot> lots = jdbc.sql("SELECT id, points, remaining, expires_at FROM loyalty.lot "
                    + "WHERE account_id = ? AND remaining > 0 ORDER BY expires_at, id")
                    .param(account)
                    .query((rs, n) -> new MemberPoints.Lot(Rows.uuid(rs, "id"), rs.getLong("points"),
                            rs.getLong("remaining"), Rows.instant(rs, "expires_at"))).list();
            long held = lots.stream().mapToLong(MemberPoints.Lot::remaining).sum();
            return new MemberPoints(profileId, account, held - owed, owed, lots);
        });
    }

    /** The money that earned a movement's points, for tiers that qualify on spend. */
    void spend(UUID movementId, long minor, String currency) {
        jdbc.sql("UPDATE loyalty.movement SET spend_minor = ?, spend_currency = ? WHERE id = ?")
                .params(minor, currency, movementId).update();
    }

    /** A reversal takes back the share of the earning's spend that its points are of the earning's points. */
    void reverseSpend(UUID reversalId, UUID earningId, long points, long earnedPoints) {
        jdbc.sql("UPDATE loyalty.movement r SET spend_currency = e.spend_currency, "
                + "spend_minor = -(e.spend_minor * ? / greatest(?, 1)) "
                + "FROM loyalty.movement e WHERE r.id = ? AND e.id = ? AND e.spend_minor IS NOT NULL")
                .params(points, earnedPoints, reversalId, earningId).update();
    }

    void movementPoints(UUID movementId, long points) {
        jdbc.sql("UPDATE loyalty.movement SET points = ? WHERE id = ?").params(points, movementId).update();
    }
}
