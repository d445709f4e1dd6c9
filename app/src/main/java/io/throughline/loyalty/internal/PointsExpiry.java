package io.throughline.loyalty.internal;

import static io.throughline.platform.Rows.timestamp;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires the points of lots whose time has come, in batches of one statement each: per account in the batch one
 * EXPIRED movement with its two entries, the lots it emptied noted as its uses. Lots being spent at that moment
 * are locked by the spender and skipped until the next run, so expiry never waits on a till.
 */
@Component
class PointsExpiry {

    private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);
    static final int BATCH = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PointsExpiry(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${throughline.loyalty.expiry-every:PT10M}", initialDelayString = "PT1M")
    void scheduled() {
        long expired = expireDue(clock.instant());
        if (expired > 0) {
            log.info("Expired {} lots of points", expired);
        }
    }

    /** Expires every lot due at {@code now}; answers how many lots it emptied. */
    long expireDue(Instant now) {
        long total = 0;
        while (true) {
            Long lots = transactions.execute(status -> expireBatch(now));
            if (lots == null || lots == 0) {
                return total;
            }
            total += lots;
        }
    }

    private long expireBatch(Instant now) {
        // gen_random_uuid: the batch's movement ids come from the statement itself; they need not be time-ordered,
        // as statements page by recorded_at.
        return jdbc.sql("""
                WITH due AS (
                    SELECT id, account_id, remaining FROM loyalty.lot
                    WHERE expires_at <= ? AND remaining > 0
                    ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED),
                per_account AS (
                    SELECT account_id, sum(remaining) AS points, gen_random_uuid() AS movement_id
                    FROM due GROUP BY account_id),
                movements AS (
                    INSERT INTO loyalty.movement (id, account_id, kind, points, reference, occurred_at, recorded_at)
                    SELECT movement_id, account_id, 'EXPIRED', -points, 'expiry:' || movement_id, ?, ?
                    FROM per_account),
                entries AS (
                    INSERT INTO loyalty.entry (movement_id, book, account_id, points)
                    SELECT movement_id, 'MEMBER', account_id, -points FROM per_account
                    UNION ALL
                    SELECT movement_id, 'EXPIRED', NULL, points FROM per_account),
                uses AS (
                    INSERT INTO loyalty.lot_use (movement_id, lot_id, points)
                    SELECT p.movement_id, d.id, d.remaining FROM due d JOIN per_account p USING (account_id)),
                emptied AS (
                    UPDATE loyalty.lot l SET remaining = 0 FROM due d WHERE l.id = d.id RETURNING l.id)
                SELECT count(*) FROM emptied""")
                .params(timestamp(now), BATCH, timestamp(now), timestamp(now))
                .query(Long.class).single();
    }
}
