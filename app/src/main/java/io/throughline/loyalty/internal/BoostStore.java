package io.throughline.loyalty.internal;

import static io.throughline.platform.Rows.timestamp;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.throughline.loyalty.Bonus;
import io.throughline.loyalty.EarnPromotion;
import io.throughline.platform.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bonuses and time-boxed promotions: read by every order's earning, so remembered for a few seconds like the
 * earning rules.
 */
@Component
class BoostStore {

    private final JdbcClient jdbc;
    private final LoadingCache<Boolean, List<Bonus>> bonuses;
    private final LoadingCache<Boolean, List<EarnPromotion>> promotions;

    BoostStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.bonuses = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).build(key -> readBonuses());
        this.promotions = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5))
                .build(key -> readPromotions());
    }

    List<Bonus> bonuses() {
        return bonuses.get(Boolean.TRUE);
    }

    Optional<Bonus> bonus(Bonus.Kind kind) {
        return bonuses().stream().filter(bonus -> bonus.kind() == kind).findFirst();
    }

    List<EarnPromotion> promotions() {
        return promotions.get(Boolean.TRUE);
    }

    /** The percent of their points purchases on the channel at that moment earn: the best promotion's, else 100. */
    int promotionPercent(String channel, Instant at) {
        return promotions().stream().filter(promotion -> promotion.applies(channel, at))
                .mapToInt(EarnPromotion::percent).max().orElse(100);
    }

    List<Bonus> saveBonuses(List<Bonus> bonuses) {
        jdbc.sql("DELETE FROM loyalty.bonus_rule").update();
        for (Bonus bonus : bonuses) {
            jdbc.sql("INSERT INTO loyalty.bonus_rule (kind, points) VALUES (?, ?)")
                    .params(bonus.kind().name(), bonus.points()).update();
        }
        this.bonuses.invalidateAll();
        return readBonuses();
    }

    List<EarnPromotion> savePromotions(List<EarnPromotion> promotions) {
        jdbc.sql("DELETE FROM loyalty.earn_promotion").update();
        for (EarnPromotion promotion : promotions) {
            jdbc.sql("INSERT INTO loyalty.earn_promotion (id, name, channel, percent, starts_at, ends_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(promotion.id(), promotion.name(), promotion.channel(), promotion.percent(),
                            timestamp(promotion.startsAt()), timestamp(promotion.endsAt())).update();
        }
        this.promotions.invalidateAll();
        return readPromotions();
    }

    private List<Bonus> readBonuses() {
        return jdbc.sql("SELECT kind, points FROM loyalty.bonus_rule ORDER BY kind")
                .query((rs, n) -> new Bonus(Rows.enumOf(rs, "kind", Bonus.Kind.class), rs.getLong("points"))).list();
    }

    private List<EarnPromotion> readPromotions() {
        return jdbc.sql("SELECT id, name, channel, percent, starts_at, ends_at FROM loyalty.earn_promotion "
                + "ORDER BY starts_at, id")
                .query((rs, n) -> new EarnPromotion(Rows.uuid(rs, "id"), rs.getString("name"),
                        rs.getString("channel"), rs.getInt("percent"), Rows.instant(rs, "starts_at"),
                        Rows.instant(rs, "ends_at"))).list();
    }
}
