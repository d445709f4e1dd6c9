package io.throughline.loyalty.internal;

import io.throughline.loyalty.Bonus;
import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.Programme;
import io.throughline.loyalty.EarnPromotion;
import io.throughline.loyalty.LoyaltyProgrammes;
import io.throughline.loyalty.Reward;
import io.throughline.loyalty.Tier;
import io.throughline.loyalty.TierRules;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.PageRequest;
import io.throughline.pricing.CouponBatch;
import io.throughline.pricing.Promotions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tiers, rewards, bonuses and promotions as staff set them, each list checked as a whole before it replaces the
 * one in force, every refusal naming its field, so the API and the console's programme page refuse alike.
 */
@Service
class ProgrammeBenefits implements LoyaltyProgrammes {

    private final TierStore tiers;
    private final Rewards rewards;
    private final BoostStore boosts;
    private final Promotions promotions;
    private final ProgrammeStore programmeStore;

    ProgrammeBenefits(TierStore tiers, Rewards rewards, BoostStore boosts, Promotions promotions,
            ProgrammeStore programmeStore) {
        this.programmeStore = programmeStore;
        this.tiers = tiers;
        this.rewards = rewards;
        this.boosts = boosts;
        this.promotions = promotions;
    }

    @Override
    public Programme saveProgramme(String name, int expiryDays, Map<String, Long> minorPerPoint, EarnRules rules) {
        Set<String> rates = new java.util.HashSet<>();
        for (int i = 0; i < rules.rates().size(); i++) {
            EarnRules.Rate rate = rules.rates().get(i);
            if (!rates.add(rate.currency() + "|" + rate.channel())) {
                throw new InvalidRequestException("rates[" + i + "].currency", "another rate earns in "
                        + rate.currency() + (rate.channel() == null ? " on every channel" : " on " + rate.channel()));
            }
        }
        Set<String> targets = new java.util.HashSet<>();
        for (int i = 0; i < rules.multipliers().size(); i++) {
            EarnRules.Multiplier multiplier = rules.multipliers().get(i);
            if (!targets.add(multiplier.target() + "|" + multiplier.key())) {
                throw new InvalidRequestException("multipliers[" + i + "].key", "is given twice");
            }
        }
        return programmeStore.save(name, expiryDays, minorPerPoint, rules);
    }

    @Override
    public TierRules tierRules() {
        return tiers.rules();
    }

    /** Ranks follow the list's order; thresholds must rise with them. */
    @Override
    @Transactional
    public TierRules saveTiers(TierRules rules) {
        if (rules.windowDays() < 1 || rules.windowDays() > 3650) {
            throw new InvalidRequestException("windowDays", "must be 1 to 3650 days");
        }
        if (rules.basis() == TierRules.Basis.SPEND
                && (rules.currency() == null || !rules.currency().matches("[A-Z]{3}"))) {
            throw new InvalidRequestException("currency", "tiers that qualify on spend need a currency, e.g. HUF");
        }
        if (rules.tiers().size() > 20) {
            throw new InvalidRequestException("tiers", "at most 20 tiers");
        }
        List<Tier> ranked = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        long previous = -1;
        for (int i = 0; i < rules.tiers().size(); i++) {
            Tier tier = rules.tiers().get(i);
            String at = "tiers[" + i + "].";
            String name = tier.name().strip();
            if (name.isEmpty() || name.length() > 100) {
                throw new InvalidRequestException(at + "name", "must be 1 to 100 characters");
            }
            if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidRequestException(at + "name", "names another tier already");
            }
            if (tier.threshold() < 0 || tier.threshold() <= previous) {
                throw new InvalidRequestException(at + "threshold", "must be higher than the tier below's");
            }
            if (tier.earnPercent() < 0 || tier.earnPercent() > 1000) {
                throw new InvalidRequestException(at + "earnPercent", "must be 0 to 1000 percent");
            }
            if (tier.birthdayPoints() < 0 || tier.birthdayPoints() > 1_000_000) {
                throw new InvalidRequestException(at + "birthdayPoints", "must be 0 to 1,000,000 points");
            }
            previous = tier.threshold();
            ranked.add(new Tier(tier.id(), i, name, tier.threshold(), tier.earnPercent(), tier.birthdayPoints()));
        }
        return tiers.save(new TierRules(rules.basis(), rules.windowDays(),
                rules.basis() == TierRules.Basis.SPEND ? rules.currency() : null, ranked));
    }

    @Override
    public List<Reward> rewards() {
        return rewards.all();
    }

    @Override
    @Transactional
    public List<Reward> saveRewards(List<Reward> list) {
        Map<UUID, CouponBatch> batches = uniqueBatches();
        for (int i = 0; i < list.size(); i++) {
            Reward reward = list.get(i);
            String at = "rewards[" + i + "].";
            if (reward.name().isBlank() || reward.name().length() > 100) {
                throw new InvalidRequestException(at + "name", "must be 1 to 100 characters");
            }
            if (reward.points() < 1 || reward.points() > 10_000_000) {
                throw new InvalidRequestException(at + "points", "must be 1 to 10,000,000 points");
            }
            if (!batches.containsKey(reward.couponBatchId())) {
                throw new InvalidRequestException(at + "couponBatchId",
                        "must be a batch of unique coupon codes in pricing");
            }
        }
        return rewards.save(list.stream().map(reward -> new Reward(reward.id(), reward.name().strip(),
                reward.points(), reward.couponBatchId(), reward.active())).toList());
    }

    /** Pricing's batches of unique codes, which can be granted one code per customer. */
    Map<UUID, CouponBatch> uniqueBatches() {
        Map<UUID, CouponBatch> found = new HashMap<>();
        for (int page = 0; page < 50; page++) {
            var slice = promotions.batches(new PageRequest(page, PageRequest.MAX_SIZE));
            slice.items().stream().filter(batch -> batch.kind() == CouponBatch.Kind.UNIQUE)
                    .forEach(batch -> found.put(batch.id(), batch));
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= slice.totalItems()) {
                break;
            }
        }
        return found;
    }

    @Override
    public List<Bonus> bonuses() {
        return boosts.bonuses();
    }

    @Override
    @Transactional
    public List<Bonus> saveBonuses(List<Bonus> bonuses) {
        Set<Bonus.Kind> seen = EnumSet.noneOf(Bonus.Kind.class);
        for (int i = 0; i < bonuses.size(); i++) {
            Bonus bonus = bonuses.get(i);
            if (!seen.add(bonus.kind())) {
                throw new InvalidRequestException("bonuses[" + i + "].kind", "is given twice");
            }
            if (bonus.points() < 1 || bonus.points() > 1_000_000) {
                throw new InvalidRequestException("bonuses[" + i + "].points", "must be 1 to 1,000,000 points");
            }
        }
        return boosts.saveBonuses(bonuses);
    }

    @Override
    public List<EarnPromotion> promotions() {
        return boosts.promotions();
    }

    @Override
    @Transactional
    public List<EarnPromotion> savePromotions(List<EarnPromotion> list) {
        for (int i = 0; i < list.size(); i++) {
            EarnPromotion promotion = list.get(i);
            String at = "promotions[" + i + "].";
            if (promotion.name().isBlank() || promotion.name().length() > 100) {
                throw new InvalidRequestException(at + "name", "must be 1 to 100 characters");
            }
            if (promotion.percent() < 1 || promotion.percent() > 1000) {
                throw new InvalidRequestException(at + "percent", "must be 1 to 1000 percent");
            }
            if (!promotion.endsAt().isAfter(promotion.startsAt())) {
                throw new InvalidRequestException(at + "endsAt", "must be after the start");
            }
        }
        return boosts.savePromotions(list);
    }
}
