package io.throughline.loyalty.internal;

import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.platform.Channel;
import io.throughline.platform.Ids;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The customer events of the ledger's movements, logged with the transaction that made them. */
@Component
class LoyaltyEvents {

    private final EventLog log;
    private final Channels channels;
    private final Clock clock;

    LoyaltyEvents(EventLog log, Channels channels, Clock clock) {
        this.log = log;
        this.channels = channels;
        this.clock = clock;
    }

    /** "Points Earned", "Points Redeemed", "Points Expired": on the channel where it happened, else the platform's. */
    void movement(String name, UUID profileId, @Nullable String channelKey, long points, long balance,
            @Nullable UUID orderId, Instant occurredAt) {
        Channel channel = channelKey == null ? CustomerEvent.PLATFORM
                : channels.find(channelKey).orElse(CustomerEvent.PLATFORM);
        Instant now = clock.instant();
        log.appendWithTransaction(CustomerEvent.track(name, channel, occurredAt)
                .about(profileId, null)
                .property("points", points)
                .property("balance", balance)
                .property("order_id", orderId)
                .toAppend(Ids.newId(clock).toString(), now));
    }

    /** "Points Earned" for a bonus, naming its kind. */
    void bonus(UUID profileId, @Nullable String channelKey, long points, long balance, String bonus,
            Instant occurredAt) {
        Channel channel = channelKey == null ? CustomerEvent.PLATFORM
                : channels.find(channelKey).orElse(CustomerEvent.PLATFORM);
        log.appendWithTransaction(CustomerEvent.track(EventNames.POINTS_EARNED, channel, occurredAt)
                .about(profileId, null)
                .property("points", points)
                .property("balance", balance)
                .property("bonus", bonus)
                .toAppend(Ids.newId(clock).toString(), clock.instant()));
    }

    /** "Reward Claimed": the reward, its points and the coupon she got. */
    void rewardClaimed(UUID profileId, @Nullable String channelKey, String reward, UUID rewardId, long points,
            long balance, String couponCode, Instant occurredAt) {
        Channel channel = channelKey == null ? CustomerEvent.PLATFORM
                : channels.find(channelKey).orElse(CustomerEvent.PLATFORM);
        log.appendWithTransaction(CustomerEvent.track(EventNames.REWARD_CLAIMED, channel, occurredAt)
                .about(profileId, null)
                .property("reward", reward)
                .property("reward_id", rewardId)
                .property("points", points)
                .property("balance", balance)
                .property("coupon", couponCode)
                .toAppend(Ids.newId(clock).toString(), clock.instant()));
    }

    /** "Points Expired", on the platform's channel: no channel was there when they lapsed. */
    void expired(UUID profileId, long points, Instant at) {
        log.appendWithTransaction(CustomerEvent.track(EventNames.POINTS_EXPIRED, CustomerEvent.PLATFORM, at)
                .about(profileId, null)
                .property("points", points)
                .toAppend(Ids.newId(clock).toString(), clock.instant()));
    }
}
