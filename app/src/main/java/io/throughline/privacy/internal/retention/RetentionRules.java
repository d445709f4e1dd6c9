package io.throughline.privacy.internal.retention;

import java.time.Duration;
import java.util.List;

/**
 * What the retention job removes, table by table: each rule is one statement that deletes a batch of rows older
 * than the cut-off (its first parameter, repeated where the statement needs it again) and answers how many it
 * removed. Rules that reach other modules' tables live here, beside the erasure that reaches them too, so that
 * the whole of retention reads in one place; each module's registry file names the period that applies.
 */
final class RetentionRules {

    /** Rows per statement, so that a first run on a large table never holds long locks. */
    static final int BATCH = 5_000;

    /**
     * One table's rule.
     *
     * @param cutoffs how many times the statement takes the cut-off before the batch size
     * @param batched whether the statement takes a batch size and is repeated until a batch comes back short
     */
    record Rule(String table, Duration keep, String sql, int cutoffs, boolean batched) {}

    private RetentionRules() {}

    static List<Rule> of(RetentionProperties keep) {
        return List.of(
                new Rule("messaging.delivery", keep.deliveries(), """
                        WITH doomed AS (SELECT id FROM messaging.delivery WHERE created_at < ? LIMIT ?),
                             sink AS (DELETE FROM messaging.sink_message s USING doomed WHERE s.delivery_id = doomed.id)
                        DELETE FROM messaging.delivery d USING doomed WHERE d.id = doomed.id""", 1, true),
                new Rule("messaging.decision", keep.decisions(), """
                        DELETE FROM messaging.decision
                        WHERE id IN (SELECT id FROM messaging.decision WHERE created_at < ? LIMIT ?)""", 1, true),
                new Rule("messaging.sink_message", keep.sinkMessages(), """
                        DELETE FROM messaging.sink_message
                        WHERE id IN (SELECT id FROM messaging.sink_message WHERE created_at < ? LIMIT ?)""", 1, true),
                // A cart goes with its lines, coupons and codes, and with the carts merged into it; one that another
                // cart still recent was merged into stays until that one goes. Not batched: a batch could split a
                // cart from those merged into it.
                new Rule("carts.cart", keep.carts(), """
                        WITH doomed AS (
                          SELECT c.id FROM carts.cart c
                          WHERE c.updated_at < ? AND c.expires_at < ?
                            AND NOT EXISTS (SELECT 1 FROM carts.cart m WHERE m.merged_into = c.id
                                              AND (m.updated_at >= ? OR m.expires_at >= ?))),
                             lines AS (DELETE FROM carts.line l USING doomed WHERE l.cart_id = doomed.id),
                             coupons AS (DELETE FROM carts.coupon k USING doomed WHERE k.cart_id = doomed.id),
                             handoffs AS (DELETE FROM carts.handoff h USING doomed WHERE h.cart_id = doomed.id)
                        DELETE FROM carts.cart c USING doomed WHERE c.id = doomed.id""", 4, false),
                new Rule("privacy.access_log", keep.accessLog(), """
                        DELETE FROM privacy.access_log
                        WHERE id IN (SELECT id FROM privacy.access_log WHERE accessed_at < ? LIMIT ?)""", 1, true),
                new Rule("privacy.consent_proof", keep.consentProofs(), """
                        DELETE FROM privacy.consent_proof
                        WHERE id IN (SELECT p.id FROM privacy.consent_proof p
                                     WHERE p.recorded_at < ?
                                       AND EXISTS (SELECT 1 FROM privacy.consent_proof later
                                                   WHERE later.profile_id = p.profile_id AND later.purpose = p.purpose
                                                     AND later.channel = p.channel AND later.id > p.id)
                                     LIMIT ?)""", 1, true),
                new Rule("privacy.subject_request", keep.subjectRequests(), """
                        DELETE FROM privacy.subject_request
                        WHERE id IN (SELECT id FROM privacy.subject_request WHERE closed_at < ? LIMIT ?)""", 1, true));
    }
}
