package io.throughline.pricing.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.CouponGrant;
import io.throughline.pricing.GrantedCoupon;
import io.throughline.pricing.NewCouponBatch;
import io.throughline.pricing.NewPromotion;
import io.throughline.pricing.Promotion;
import io.throughline.pricing.PromotionView;
import io.throughline.pricing.Promotions;
import io.throughline.pricing.Stacking;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcPromotions implements Promotions {

    static final String COLUMNS = "id, name, description, reward, conditions, stacking, priority, coupon_required, "
            + "per_customer_limit, budget_count, budget_minor, budget_currency, used_count, used_minor, created_at";
    /**
     * The columns as read: a promotion without a budget does not count its uses on its own row (every checkout
     * redeeming it would queue on that row), so its uses are its redemptions' adjustments.
     */
    private static final String VIEW_COLUMNS = COLUMNS.replace("used_count, used_minor", """
            CASE WHEN budget_count IS NULL AND budget_minor IS NULL THEN (SELECT count(*)
                 FROM pricing.redemption_adjustment a WHERE a.promotion_id = pricing.promotion.id)
                 ELSE used_count END AS used_count,
            CASE WHEN budget_count IS NULL AND budget_minor IS NULL THEN (SELECT coalesce(sum(a.amount_minor), 0)
                 FROM pricing.redemption_adjustment a WHERE a.promotion_id = pricing.promotion.id)
                 ELSE used_minor END AS used_minor""");
    private static final String BATCH_COLUMNS = """
            b.id, b.promotion_id, b.name, b.kind, b.created_at,
            (SELECT min(c.code) FROM pricing.coupon_code c WHERE c.batch_id = b.id AND b.kind = 'SHARED') AS shared_code,
            (SELECT count(*) FROM pricing.coupon_code c WHERE c.batch_id = b.id) AS codes,
            (SELECT count(*) FROM pricing.coupon_code c WHERE c.batch_id = b.id AND c.customer_id IS NOT NULL) AS granted,
            (SELECT count(*) FROM pricing.coupon_code c WHERE c.batch_id = b.id AND c.redeemed_at IS NOT NULL)
              + (SELECT count(*) FROM pricing.redemption_adjustment a JOIN pricing.coupon_code c ON c.code = a.coupon_code
                 WHERE c.batch_id = b.id AND b.kind = 'SHARED') AS redeemed""";
    /** Unambiguous on a receipt or read over the phone: no 0/O, 1/I/L. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcPromotions(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PromotionView create(NewPromotion promotion) {
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        Promotion value = promotion.toPromotion(id, 0, 0, now);
        jdbc.sql("INSERT INTO pricing.promotion (" + COLUMNS + ", updated_at) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)")
                .params(id, value.name(), promotion.description(), json.writeValueAsString(promotion.reward()),
                        json.writeValueAsString(promotion.conditions() == null ? emptyConditions()
                                : promotion.conditions()),
                        promotion.stacking().name(), promotion.priority(), promotion.couponRequired(),
                        promotion.perCustomerLimit(), promotion.budgetCount(),
                        value.budgetAmount() == null ? null : value.budgetAmount().minor(),
                        value.budgetAmount() == null ? promotion.currency() : value.budgetAmount().currency(),
                        Rows.timestamp(now), Rows.timestamp(now))
                .update();
        PricingSnapshots.changed(jdbc);
        return get(id);
    }

    @Override
    @Transactional
    public PromotionView update(UUID id, NewPromotion promotion) {
        // Waits for the redemptions in flight, so that the uses written below (the counters a budget checks
        // from now on) include them.
        jdbc.sql("SELECT id FROM pricing.promotion WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
        PromotionView current = get(id);
        Promotion value = promotion.toPromotion(id, current.usedCount(),
                current.usedAmount() == null ? 0 : current.usedAmount().minor(), current.createdAt());
        if (value.budgetCount() != null && value.budgetCount() < current.usedCount()) {
            throw new InvalidRequestException("budgetCount", "must be at least what has been used (" + current.usedCount() + ")");
        }
        if (value.budgetAmount() != null && value.usedAmount() != null
                && value.budgetAmount().compareTo(value.usedAmount()) < 0) {
            throw new InvalidRequestException("budgetAmount", "must be at least what has been used (" + value.usedAmount() + ")");
        }
        jdbc.sql("""
                UPDATE pricing.promotion SET name = ?, description = ?, reward = ?::jsonb, conditions = ?::jsonb,
                  stacking = ?, priority = ?, coupon_required = ?, per_customer_limit = ?, budget_count = ?,
                  budget_minor = ?, budget_currency = ?, used_count = ?, used_minor = ?, updated_at = ?
                WHERE id = ?""")
                .params(value.name(), promotion.description(), json.writeValueAsString(promotion.reward()),
                        json.writeValueAsString(promotion.conditions() == null ? emptyConditions()
                                : promotion.conditions()),
                        promotion.stacking().name(), promotion.priority(), promotion.couponRequired(),
                        promotion.perCustomerLimit(), promotion.budgetCount(),
                        value.budgetAmount() == null ? null : value.budgetAmount().minor(),
                        value.budgetAmount() == null ? promotion.currency() : value.budgetAmount().currency(),
                        current.usedCount(), usedMinor(id), Rows.timestamp(clock.instant()), id)
                .update();
        PricingSnapshots.changed(jdbc);
        return get(id);
    }

    @Override
    public PromotionView get(UUID id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM pricing.promotion WHERE id = ?").param(id)
                .query((rs, row) -> view(rs)).optional().orElseThrow(() -> new NotFoundException("Promotion", id));
    }

    @Override
    public Page<PromotionView> list(PageRequest page) {
        return new PagedQuery(VIEW_COLUMNS, "FROM pricing.promotion", "priority DESC, name, id")
                .read(jdbc, page, (rs, row) -> view(rs));
    }

    @Override
    @Transactional
    public CouponBatch createBatch(UUID promotionId, NewCouponBatch batch) {
        get(promotionId);
        UUID id = Ids.newId(clock);
        Timestamp now = Rows.timestamp(clock.instant());
        jdbc.sql("INSERT INTO pricing.coupon_batch (id, promotion_id, name, kind, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, promotionId, batch.name().strip(), batch.kind().name(), now).update();
        if (batch.kind() == CouponBatch.Kind.SHARED) {
            String code = batch.code().toUpperCase(Locale.ROOT);
            int inserted = jdbc.sql("""
                    INSERT INTO pricing.coupon_code (code, batch_id) VALUES (?, ?) ON CONFLICT (code) DO NOTHING""")
                    .params(code, id).update();
            if (inserted == 0) {
                throw new ConflictException("code", "The coupon code " + code + " is already in use");
            }
        } else {
            String prefix = batch.prefix().toUpperCase(Locale.ROOT) + "-";
            int missing = batch.count();
            while (missing > 0) {
                Set<String> codes = new LinkedHashSet<>();
                while (codes.size() < missing) {
                    codes.add(prefix + randomPart());
                }
                missing -= jdbc.sql("""
                        INSERT INTO pricing.coupon_code (code, batch_id) SELECT code, ? FROM unnest(?::text[]) AS t(code)
                        ON CONFLICT (code) DO NOTHING""")
                        .params(id, codes.toArray(String[]::new)).update();
            }
        }
        PricingSnapshots.changed(jdbc);
        return batch(id);
    }

    @Override
    public Page<CouponBatch> batches(PageRequest page) {
        return new PagedQuery(BATCH_COLUMNS, "FROM pricing.coupon_batch b", "b.created_at DESC, b.id")
                .read(jdbc, page, JdbcPromotions::couponBatch);
    }

    CouponBatch batch(UUID id) {
        return jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM pricing.coupon_batch b WHERE b.id = ?").param(id)
                .query(JdbcPromotions::couponBatch).optional()
                .orElseThrow(() -> new NotFoundException("Coupon batch", id));
    }

    @Override
    @Transactional
    public GrantedCoupon grant(CouponGrant grant) {
        CouponBatch batch = batch(grant.batchId());
        if (batch.kind() != CouponBatch.Kind.UNIQUE) {
            throw new InvalidRequestException("batchId", "batch " + batch.name()
                    + " has one shared code; only batches of unique codes can be granted to a customer");
        }
        // One open code per customer and batch: granting again (a retried call, a second device) returns it.
        Optional<GrantedCoupon> held = jdbc.sql("""
                SELECT code, granted_channel, granted_at FROM pricing.coupon_code
                WHERE batch_id = ? AND customer_id = ? AND redeemed_at IS NULL ORDER BY granted_at LIMIT 1""")
                .params(batch.id(), grant.customerId())
                .query((rs, row) -> new GrantedCoupon(rs.getString("code"), batch.id(), batch.promotionId(),
                        grant.customerId(), rs.getString("granted_channel"), Rows.instant(rs, "granted_at")))
                .optional();
        if (held.isPresent()) {
            return held.get();
        }
        Instant now = clock.instant();
        String code = jdbc.sql("""
                UPDATE pricing.coupon_code SET customer_id = ?, granted_channel = ?, granted_at = ?
                WHERE code = (SELECT code FROM pricing.coupon_code
                              WHERE batch_id = ? AND customer_id IS NULL AND redeemed_at IS NULL
                              ORDER BY code LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING code""")
                .params(grant.customerId(), grant.channel(), Rows.timestamp(now), batch.id())
                .query(String.class).optional()
                .orElseThrow(() -> new ConflictException("batchId", "Coupon batch " + batch.name()
                        + " has no codes left to grant"));
        return new GrantedCoupon(code, batch.id(), batch.promotionId(), grant.customerId(), grant.channel(), now);
    }

    private long usedMinor(UUID id) {
        return jdbc.sql("SELECT used_minor FROM (SELECT " + VIEW_COLUMNS + " FROM pricing.promotion WHERE id = ?) p")
                .param(id).query(Long.class).single();
    }

    private PromotionView view(ResultSet rs) throws SQLException {
        NewPromotion definition = definition(rs, json);
        String currency = rs.getString("budget_currency");
        long usedMinor = rs.getLong("used_minor");
        Long budgetMinor = rs.getObject("budget_minor", Long.class);
        Integer budgetCount = rs.getObject("budget_count", Integer.class);
        int usedCount = rs.getInt("used_count");
        Money usedAmount = budgetMinor == null ? null : new Money(usedMinor, currency);
        return new PromotionView(Rows.uuid(rs, "id"), definition, usedCount, usedAmount,
                budgetCount == null ? null : Math.max(0, budgetCount - usedCount),
                budgetMinor == null ? null : new Money(Math.max(0, budgetMinor - usedMinor), currency),
                Rows.instant(rs, "created_at"));
    }

    static NewPromotion definition(ResultSet rs, JsonMapper json) throws SQLException {
        Long budgetMinor = rs.getObject("budget_minor", Long.class);
        String currency = rs.getString("budget_currency");
        BigDecimal budgetAmount = budgetMinor == null ? null : new Money(budgetMinor, currency).amount();
        return new NewPromotion(rs.getString("name"), rs.getString("description"), currency,
                json.readValue(rs.getString("reward"), NewPromotion.RewardSpec.class),
                json.readValue(rs.getString("conditions"), NewPromotion.ConditionsSpec.class),
                Rows.enumOf(rs, "stacking", Stacking.class), rs.getInt("priority"), rs.getBoolean("coupon_required"),
                rs.getObject("per_customer_limit", Integer.class), rs.getObject("budget_count", Integer.class),
                budgetAmount);
    }

    private static CouponBatch couponBatch(ResultSet rs, int row) throws SQLException {
        return new CouponBatch(Rows.uuid(rs, "id"), Rows.uuid(rs, "promotion_id"),
                rs.getString("name"), Rows.enumOf(rs, "kind", CouponBatch.Kind.class), rs.getString("shared_code"),
                rs.getLong("codes"), rs.getLong("granted"), rs.getLong("redeemed"), Rows.instant(rs, "created_at"));
    }

    private static NewPromotion.ConditionsSpec emptyConditions() {
        return new NewPromotion.ConditionsSpec(null, null, null, null, null, null, null, null, null);
    }

    private static String randomPart() {
        char[] part = new char[8];
        for (int i = 0; i < part.length; i++) {
            part[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(part);
    }
}
