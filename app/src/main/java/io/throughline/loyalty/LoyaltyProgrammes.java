package io.throughline.loyalty;

import java.util.List;

/**
 * What an admin or a marketer sets beyond the earning rules: tiers, rewards, bonuses and time-boxed promotions.
 * Each list replaces the one in force; bad values are refused naming their field ({@code tiers[1].threshold}).
 */
public interface LoyaltyProgrammes {

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
