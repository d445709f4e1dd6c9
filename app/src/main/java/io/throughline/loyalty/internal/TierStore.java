package io.throughline.loyalty.internal;

import static io.throughline.platform.Rows.timestamp;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.throughline.loyalty.Tier;
import io.throughline.loyalty.TierRules;
import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tiers, how members qualify for them, and each member's tier. Every order's earning reads the rules, so
 * they are remembered for a few seconds, as the earning rules are.
 */
@Component
class TierStore {

    /** A member's tier row: which tier, since when, when it is reviewed. */
    record Held(@Nullable UUID tierId, @Nullable Instant since, @Nullable Instant reviewAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoadingCache<Boolean, TierRules> rules;

    TierStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).build(key -> read());
    }

    TierRules rules() {
        return rules.get(Boolean.TRUE);
    }

    /** Replaces the tiers, keeping the ids of tiers it names; members of a removed tier are reviewed at once. */
    TierRules save(TierRules rules) {
        int updated = jdbc.sql("UPDATE loyalty.programme SET tier_basis = ?, tier_window_days = ?, tier_currency = ?")
                .params(rules.basis().name(), rules.windowDays(), rules.currency()).update();
        if (updated == 0) {
            throw new io.throughline.platform.NotFoundException("loyalty programme", "current");
        }
        List<UUID> ids = rules.tiers().stream().map(Tier::id).toList();
        jdbc.sql("DELETE FROM loyalty.tier").update();
        for (Tier tier : rules.tiers()) {
            jdbc.sql("INSERT INTO loyalty.tier (id, rank, name, threshold, earn_percent, birthday_points) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(tier.id(), tier.rank(), tier.name(), tier.threshold(), tier.earnPercent(),
                            tier.birthdayPoints()).update();
        }
        jdbc.sql("UPDATE loyalty.account SET tier_review_at = ? WHERE tier_id IS NOT NULL AND NOT tier_id = ANY(?::uuid[])")
                .params(timestamp(clock.instant()), ids.toArray(UUID[]::new)).update();
        this.rules.invalidateAll();
        return read();
    }

    private TierRules read() {
        record Head(TierRules.Basis basis, int windowDays, @Nullable String currency) {}
        Optional<Head> head = jdbc.sql("SELECT tier_basis, tier_window_days, tier_currency FROM loyalty.programme")
                .query((rs, n) -> new Head(Rows.enumOf(rs, "tier_basis", TierRules.Basis.class),
                        rs.getInt("tier_window_days"), rs.getString("tier_currency"))).optional();
        List<Tier> tiers = jdbc.sql("SELECT id, rank, name, threshold, earn_percent, birthday_points FROM loyalty.tier "
                + "ORDER BY rank")
                .query((rs, n) -> new Tier(Rows.uuid(rs, "id"), rs.getInt("rank"), rs.getString("name"),
                        rs.getLong("threshold"), rs.getInt("earn_percent"), rs.getLong("birthday_points"))).list();
        return head.map(h -> new TierRules(h.basis(), h.windowDays(), h.currency(), tiers))
                .orElse(new TierRules(TierRules.Basis.POINTS, 365, null, tiers));
    }

    Held held(UUID accountId) {
        return jdbc.sql("SELECT tier_id, tier_since, tier_review_at FROM loyalty.account WHERE id = ?")
                .param(accountId)
                .query((rs, n) -> new Held(Rows.uuidOrNull(rs, "tier_id"), Rows.instantOrNull(rs, "tier_since"),
                        Rows.instantOrNull(rs, "tier_review_at"))).single();
    }

    void hold(UUID accountId, @Nullable UUID tierId, @Nullable Instant since, @Nullable Instant reviewAt) {
        jdbc.sql("UPDATE loyalty.account SET tier_id = ?, tier_since = ?, tier_review_at = ? WHERE id = ?")
                .params(tierId, since == null ? null : timestamp(since), reviewAt == null ? null : timestamp(reviewAt),
                        accountId).update();
    }

    /**
     * Her qualifying figure over the window ending now: points her purchases earned, net of what was taken back, or
     * what she spent in the tier currency; the accounts merged into hers count with it.
     */
    long qualifying(UUID accountId, TierRules rules, Instant now) {
        String figure = rules.basis() == TierRules.Basis.POINTS ? "m.points"
                : "CASE WHEN m.spend_currency = ? THEN coalesce(m.spend_minor, 0) ELSE 0 END";
        String sql = "SELECT coalesce(sum(" + figure + "), 0) FROM loyalty.movement m "
                + "WHERE m.account_id IN (SELECT id FROM loyalty.account WHERE id = ? OR merged_into = ?) "
                + "AND m.kind IN ('EARNED', 'EARN_REVERSED') AND m.occurred_at >= ?";
        var statement = jdbc.sql(sql);
        if (rules.basis() == TierRules.Basis.SPEND) {
            statement = statement.param(rules.currency() == null ? "" : rules.currency());
        }
        return Math.max(0, statement.param(accountId).param(accountId)
                .param(timestamp(now.minus(Duration.ofDays(rules.windowDays())))).query(Long.class).single());
    }

    /** Accounts whose tier is due for review, a batch at a time. */
    List<UUID> dueForReview(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM loyalty.account WHERE tier_review_at <= ? AND merged_into IS NULL "
                + "ORDER BY tier_review_at LIMIT ?").params(timestamp(now), limit)
                .query((rs, n) -> Rows.uuid(rs, "id")).list();
    }

    UUID newId() {
        return Ids.newId(clock);
    }
}
