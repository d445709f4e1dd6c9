package io.throughline.loyalty.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.loyalty.Bonus;
import io.throughline.loyalty.ClaimedReward;
import io.throughline.loyalty.EarnPromotion;
import io.throughline.loyalty.LoyaltyProgrammes;
import io.throughline.loyalty.MemberTier;
import io.throughline.loyalty.Reward;
import io.throughline.loyalty.Tier;
import io.throughline.loyalty.TierRules;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.tracking.Channels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tiers, rewards, bonuses and time-boxed promotions, a member's tier, and claiming a reward for a member (at the
 * till, in the contact centre). Reading her tier is a read of her personal data and is audited.
 */
@RestController
@Tag(name = "Loyalty tiers and rewards", description = "Tiers, rewards, bonuses, double-points promotions, "
        + "a member's tier and her reward claims")
class ProgrammeBenefitsController {

    record TierRequest(@Nullable UUID id, @NotBlank @Size(max = 100) String name, long threshold,
            @Nullable Integer earnPercent, @Nullable Long birthdayPoints) {}

    record TiersRequest(@NotNull TierRules.Basis basis, int windowDays, @Nullable String currency,
            @NotNull @Size(max = 20) List<@Valid @NotNull TierRequest> tiers) {}

    record RewardRequest(@Nullable UUID id, @NotBlank @Size(max = 100) String name, long points,
            @NotNull UUID couponBatchId, @Nullable Boolean active) {}

    record PromotionRequest(@Nullable UUID id, @NotBlank @Size(max = 100) String name, @Nullable String channel,
            int percent, @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {}

    record Runs(long members) {}

    private final LoyaltyProgrammes programmes;
    private final LoyaltyService loyalty;
    private final TierReview reviews;
    private final BirthdayGifts birthdays;
    private final Channels channels;
    private final AccessAudit audit;
    private final Clock clock;

    ProgrammeBenefitsController(LoyaltyProgrammes programmes, LoyaltyService loyalty, TierReview reviews,
            BirthdayGifts birthdays, Channels channels, AccessAudit audit, Clock clock) {
        this.programmes = programmes;
        this.loyalty = loyalty;
        this.reviews = reviews;
        this.birthdays = birthdays;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/loyalty/tiers")
    @PreAuthorize(StaffPermission.Rules.READ_LOYALTY)
    @Operation(summary = "The tiers, lowest first, and how members qualify for them")
    TierRules tiers() {
        return programmes.tierRules();
    }

    @PutMapping("/api/loyalty/tiers")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    @Operation(summary = "Replace the tiers: listed lowest first, thresholds rising, qualifying on POINTS or SPEND")
    TierRules saveTiers(@Valid @RequestBody TiersRequest request) {
        return programmes.saveTiers(new TierRules(request.basis(), request.windowDays(), request.currency(),
                request.tiers().stream().map(tier -> new Tier(tier.id() == null ? Ids.newId(clock) : tier.id(), 0,
                        tier.name(), tier.threshold(), tier.earnPercent() == null ? 100 : tier.earnPercent(),
                        tier.birthdayPoints() == null ? 0 : tier.birthdayPoints())).toList()));
    }

    @GetMapping("/api/loyalty/rewards")
    @PreAuthorize(StaffPermission.Rules.READ_LOYALTY)
    @Operation(summary = "The rewards: points for a coupon of one of pricing's batches of unique codes")
    List<Reward> rewards() {
        return programmes.rewards();
    }

    @PutMapping("/api/loyalty/rewards")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    @Operation(summary = "Write the rewards; those left out are no longer offered")
    List<Reward> saveRewards(@RequestBody @Size(max = 100) List<@Valid @NotNull RewardRequest> request) {
        return programmes.saveRewards(request.stream().map(reward -> new Reward(
                reward.id() == null ? Ids.newId(clock) : reward.id(), reward.name(), reward.points(),
                reward.couponBatchId(), reward.active() == null || reward.active())).toList());
    }

    @GetMapping("/api/loyalty/bonuses")
    @PreAuthorize(StaffPermission.Rules.READ_LOYALTY)
    @Operation(summary = "Bonus points for sign-up, first app purchase, birthday, consent given and reviews")
    List<Bonus> bonuses() {
        return programmes.bonuses();
    }

    @PutMapping("/api/loyalty/bonuses")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    @Operation(summary = "Replace the bonuses; a kind left out gives nothing")
    List<Bonus> saveBonuses(@RequestBody @Size(max = 10) List<@Valid @NotNull Bonus> request) {
        return programmes.saveBonuses(request);
    }

    @GetMapping("/api/loyalty/promotions")
    @PreAuthorize(StaffPermission.Rules.READ_LOYALTY)
    @Operation(summary = "Time-boxed promotions: purchases in the window earn a percent of their points")
    List<EarnPromotion> promotions() {
        return programmes.promotions();
    }

    @PutMapping("/api/loyalty/promotions")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    @Operation(summary = "Replace the time-boxed promotions (200 percent: double points)")
    List<EarnPromotion> savePromotions(@RequestBody @Size(max = 100) List<@Valid @NotNull PromotionRequest> request) {
        List<EarnPromotion> promotions = new ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            PromotionRequest promotion = request.get(i);
            String channel = null;
            if (promotion.channel() != null && !promotion.channel().isBlank()) {
                try {
                    channel = channels.resolve(promotion.channel()).key();
                } catch (InvalidRequestException unknown) {
                    throw new InvalidRequestException("[" + i + "].channel", unknown.reason());
                }
            }
            promotions.add(new EarnPromotion(promotion.id() == null ? Ids.newId(clock) : promotion.id(),
                    promotion.name(), channel, promotion.percent(), promotion.startsAt().toInstant(),
                    promotion.endsAt().toInstant()));
        }
        return programmes.savePromotions(promotions);
    }

    @GetMapping("/api/loyalty/members/{profileId}/tier")
    @PreAuthorize(StaffPermission.Rules.READ_CUSTOMERS)
    @Operation(summary = "A member's tier, since when, when it is reviewed, and her figure towards the next")
    MemberTier tier(@PathVariable UUID profileId, Authentication staff) {
        MemberTier tier = loyalty.tier(profileId).orElseThrow(() -> new NotFoundException("loyalty tier", profileId));
        audit.record(CurrentStaff.id(staff), List.of(profileId), "loyalty:tier");
        return tier;
    }

    @PostMapping("/api/loyalty/members/{profileId}/rewards/{rewardId}/claims")
    @PreAuthorize(StaffPermission.Rules.ADJUST_POINTS)
    @Operation(summary = "Exchange her points for a reward's coupon, once per Idempotency-Key; too few points or "
            + "an unused coupon of the same reward is a 409")
    ClaimedReward claim(@PathVariable UUID profileId, @PathVariable UUID rewardId,
            @RequestParam(required = false) @Nullable String channel,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, Authentication staff) {
        if (key == null || key.isBlank()) {
            throw new InvalidRequestException("Idempotency-Key", "is required: one key per claim");
        }
        String where = channels.resolve(channel == null ? "" : channel).key();
        ClaimedReward claimed = loyalty.claim(profileId, rewardId, where, LoyaltyController.checkedKey(key));
        audit.record(CurrentStaff.id(staff), List.of(profileId), "loyalty:reward");
        return claimed;
    }

    @PostMapping("/api/loyalty/tier-reviews")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    @Operation(summary = "Review now every tier whose review is due (the platform does it every five minutes)")
    Runs review() {
        return new Runs(reviews.reviewDue(clock.instant()));
    }

    @PostMapping("/api/loyalty/birthday-runs")
    @PreAuthorize(StaffPermission.Rules.MANAGE_LOYALTY)
    @Operation(summary = "Give the birthday gifts of a day not given yet (the platform does it every hour)")
    Runs birthdays(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Nullable LocalDate day) {
        return new Runs(birthdays.give(day == null ? LocalDate.now(clock) : day));
    }
}
