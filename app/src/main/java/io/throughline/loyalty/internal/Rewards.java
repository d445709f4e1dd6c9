package io.throughline.loyalty.internal;

import static io.throughline.platform.Rows.timestamp;

import io.throughline.events.EventNames;
import io.throughline.loyalty.ClaimedReward;
import io.throughline.loyalty.PointsRedeemed;
import io.throughline.loyalty.Reward;
import io.throughline.loyalty.RewardClaimed;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import io.throughline.pricing.CouponGrant;
import io.throughline.pricing.GrantedCoupon;
import io.throughline.pricing.Promotions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewards and their claims. A claim spends her points and takes a coupon from pricing's batch in one transaction,
 * so a coupon is never given without its points nor points taken without a coupon; the claim's reference makes a
 * retry answer the same code.
 */
@Component
class Rewards {

    private final LedgerStore store;
    private final Ledger ledger;
    private final Promotions promotions;
    private final LoyaltyEvents events;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;

    Rewards(LedgerStore store, Ledger ledger, Promotions promotions, LoyaltyEvents events,
            ApplicationEventPublisher publisher, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.promotions = promotions;
        this.events = events;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Reward> all() {
        return jdbc.sql("SELECT id, name, points, coupon_batch_id, active FROM loyalty.reward ORDER BY points, id")
                .query((rs, n) -> new Reward(Rows.uuid(rs, "id"), rs.getString("name"), rs.getLong("points"),
                        Rows.uuid(rs, "coupon_batch_id"), rs.getBoolean("active"))).list();
    }

    /** Writes the rewards named, keeping their ids; a reward left out is made inactive, never deleted. */
    @Transactional
    List<Reward> save(List<Reward> rewards) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE loyalty.reward SET active = false WHERE NOT id = ANY(?::uuid[])")
                .param(rewards.stream().map(Reward::id).toArray(UUID[]::new)).update();
        for (Reward reward : rewards) {
            jdbc.sql("""
                    INSERT INTO loyalty.reward (id, name, points, coupon_batch_id, active, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, points = excluded.points,
                        coupon_batch_id = excluded.coupon_batch_id, active = excluded.active""")
                    .params(reward.id(), reward.name(), reward.points(), reward.couponBatchId(), reward.active(),
                            timestamp(now)).update();
        }
        return all();
    }

    @Transactional
    ClaimedReward claim(UUID profileId, UUID rewardId, String channel, String key) {
        Reward reward = all().stream().filter(r -> r.id().equals(rewardId)).findFirst()
                .orElseThrow(() -> new NotFoundException("reward", rewardId));
        String reference = "reward:" + key;
        Optional<ClaimedReward> earlier = earlier(reference, reward);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!reward.active()) {
            throw new InvalidRequestException("rewardId", "is not offered any more");
        }
        UUID account = store.existingAccount(profileId)
                .orElseThrow(() -> new ConflictException("points", "She has no points yet"));
        Instant now = clock.instant();
        Posting posting = Posting.of(account, MovementKind.REDEEMED, reference, now).channel(channel)
                .because(reward.name());
        Optional<UUID> movement = ledger.redeem(posting, reward.points(), "points");
        if (movement.isEmpty()) {
            return earlier(reference, reward).orElseThrow();
        }
        GrantedCoupon coupon;
        try {
            coupon = promotions.grant(new CouponGrant(reward.couponBatchId(), profileId, channel));
        } catch (ConflictException | InvalidRequestException | NotFoundException refused) {
            throw new ConflictException("rewardId", "The reward's coupons cannot be given: " + refused.getMessage());
        }
        if (coupon.grantedAt().isBefore(now)) {
            // Pricing answers the code she already holds: charging for it again would sell her the same coupon twice.
            throw new ConflictException("rewardId", "She already holds this reward's coupon " + coupon.code()
                    + ", not yet used");
        }
        jdbc.sql("INSERT INTO loyalty.reward_claim (movement_id, reward_id, coupon_code) VALUES (?, ?, ?)")
                .params(movement.get(), reward.id(), coupon.code()).update();
        long balance = store.held(account) - store.lock(account);
        events.movement(EventNames.POINTS_REDEEMED, profileId, channel, reward.points(), balance, null, now);
        events.rewardClaimed(profileId, channel, reward.name(), reward.id(), reward.points(), balance, coupon.code(),
                now);
        publisher.publishEvent(new PointsRedeemed(movement.get(), profileId, reward.points(), now));
        publisher.publishEvent(new RewardClaimed(movement.get(), profileId, reward.id(), reward.points(),
                coupon.code(), now));
        return new ClaimedReward(reward.id(), reward.name(), coupon.code(), reward.points(), balance, false);
    }

    private Optional<ClaimedReward> earlier(String reference, Reward reward) {
        return store.recorded(reference).flatMap(recorded -> jdbc.sql(
                "SELECT reward_id, coupon_code FROM loyalty.reward_claim WHERE movement_id = ?")
                .param(recorded.movementId())
                .query((rs, n) -> {
                    if (!Rows.uuid(rs, "reward_id").equals(reward.id())) {
                        throw new ConflictException("Idempotency-Key", "This key claimed another reward");
                    }
                    long balance = store.held(recorded.accountId()) - store.lock(recorded.accountId());
                    return new ClaimedReward(reward.id(), reward.name(), rs.getString("coupon_code"),
                            -recorded.points(), balance, true);
                }).optional());
    }
}
