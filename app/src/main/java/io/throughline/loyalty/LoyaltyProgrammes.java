package io.throughline.loyalty;

import java.util.List;
import java.util.Map;

/**
 * What an admin or a marketer sets beyond the earning rules: tiers, rewards, bonuses and time-boxed promotions.
 * Each list replaces the one in force; bad values are refused naming their field ({@code tiers[1].threshold}).
 */
public interface LoyaltyProgrammes {

    /** Sets the programme and replaces its earning rules; one rate per channel and currency. */
    Programme saveProgramme(String name, int expiryDays, Map<String, Long> minorPerPoint, EarnRules rules);

    TierRules tierRules();

    TierRules saveTiers(TierRules rules);

    List<Reward> rewards();

    /** Rewards keep their ids (a reward claimed before is never deleted, only made inactive). */
    List<Reward> saveRewards(List<Reward> rewards);

    List<Bonus> bonuses();

    List<Bonus> saveBonuses(List<Bonus> bonuses);

    List<EarnPromotion> promotions();

    List<EarnPromotion> savePromotions(List<EarnPromotion> promotions);
}
