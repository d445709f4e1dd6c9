package io.throughline.demo.internal;

import io.throughline.loyalty.Bonus;
import io.throughline.loyalty.EarnPromotion;
import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.Loyalty;
import io.throughline.loyalty.LoyaltyProgrammes;
import io.throughline.loyalty.Reward;
import io.throughline.loyalty.Tier;
import io.throughline.loyalty.TierRules;
import io.throughline.platform.Ids;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.NewCouponBatch;
import io.throughline.pricing.NewPromotion;
import io.throughline.pricing.Promotions;
import io.throughline.pricing.RewardScope;
import io.throughline.pricing.Stacking;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tokaj Cellars' cellar club: a point for every 100 Ft in every channel, a point worth 1 Ft when spent, points
 * living a year; three tiers on the points of the last year (Cellar, Reserve, Grand Cru) that multiply what
 * members earn and add to their birthday gift; a reward of 15 % off an order for 1,500 points; bonuses for
 * signing up, marketing consent, the first app purchase and the birthday; and a double-points weekend on the
 * coming weekend. Loaded before the demo's order history, so members' points are what their orders earned.
 */
@Component
class DemoLoyalty {

    private static final Logger log = LoggerFactory.getLogger(DemoLoyalty.class);
    private static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");

    private final Loyalty loyalty;
    private final LoyaltyProgrammes programmes;
    private final Promotions promotions;
    private final Clock clock;

    DemoLoyalty(Loyalty loyalty, LoyaltyProgrammes programmes, Promotions promotions, Clock clock) {
        this.loyalty = loyalty;
        this.programmes = programmes;
        this.promotions = promotions;
        this.clock = clock;
    }

    void load() {
        if (loyalty.programme().isPresent()) {
            return;
        }
        programmes.saveProgramme("Tokaj Cellars cellar club", 365, Map.of("HUF", 100L),
                new EarnRules(List.of(new EarnRules.Rate(null, "HUF", 10_000, 1, 0)), List.of()));
        programmes.saveTiers(new TierRules(TierRules.Basis.POINTS, 365, null, List.of(
                new Tier(Ids.newId(clock), 0, "Cellar", 0, 100, 0),
                new Tier(Ids.newId(clock), 1, "Reserve", 2_000, 125, 200),
                new Tier(Ids.newId(clock), 2, "Grand Cru", 10_000, 150, 500))));
        var promotion = promotions.create(new NewPromotion("cellar club reward: 15 % off", "15 % off a whole "
                + "order, for 1,500 cellar club points; every channel accepts the code.", null,
                NewPromotion.RewardSpec.percentOff(BigDecimal.valueOf(15), RewardScope.ORDER), null,
                Stacking.STACKABLE, 90, true, 1, null, null));
        CouponBatch batch = promotions.createBatch(promotion.id(), new NewCouponBatch("Cellar club rewards",
                CouponBatch.Kind.UNIQUE, null, "CLUB15", 1_000));
        programmes.saveRewards(List.of(new Reward(Ids.newId(clock), "15 % off your next order", 1_500, batch.id(),
                true)));
        programmes.saveBonuses(List.of(new Bonus(Bonus.Kind.SIGN_UP, 100), new Bonus(Bonus.Kind.CONSENT_GIVEN, 50),
                new Bonus(Bonus.Kind.FIRST_APP_PURCHASE, 200), new Bonus(Bonus.Kind.BIRTHDAY, 100)));
        LocalDate saturday = LocalDate.now(clock.withZone(BUDAPEST)).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        programmes.savePromotions(List.of(new EarnPromotion(Ids.newId(clock), "Double points weekend", null, 200,
                saturday.atStartOfDay(BUDAPEST).toInstant(), saturday.plusDays(2).atStartOfDay(BUDAPEST).toInstant())));
        log.info("Demo brand: cellar club loaded with 3 tiers and 1 reward");
    }
}
