package io.throughline.loyalty.internal;

import static io.throughline.platform.Rows.timestamp;

import io.throughline.customers.CustomerProfiles;
import io.throughline.events.EventNames;
import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.PointsEarned;
import io.throughline.loyalty.PointsRedeemed;
import io.throughline.loyalty.Programme;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Ids;
import io.throughline.platform.Money;
import io.throughline.platform.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The till's protocol. A till, online or catching up after being offline, sends each basket's earn and burn with
 * its own idempotency key and the local time of the sale. The key is claimed with the basket's digest in the same
 * transaction as the points, so a retried or late-synced basket is answered with what the first call did and never
 * counts twice, and the key with another basket is refused. A burn the member's points can no longer cover is
 * refused and the refusal kept under the key, so the till shows the same answer however often it asks.
 */
@Service
class TillSyncs {

    /** A basket as the till sends it: who, when (the till's clock), what was paid, and points to spend. */
    record Basket(UUID profileId, Instant localTime, String currency, List<Line> lines, long burnPoints) {

        record Line(String sku, int quantity, long paidMinor) {}

        String digest() {
            StringBuilder canonical = new StringBuilder().append(profileId).append('|').append(localTime)
                    .append('|').append(currency).append('|').append(burnPoints);
            lines.forEach(line -> canonical.append('|').append(line.sku()).append(',').append(line.quantity())
                    .append(',').append(line.paidMinor()));
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** What the basket did: points earned and spent, the balance after, or why the burn was refused. */
    record Outcome(long earned, long redeemed, long balance, @Nullable String refusal, boolean repeated) {}

    static final String NOT_ENOUGH_POINTS = "NOT_ENOUGH_POINTS";

    private final LedgerStore store;
    private final Ledger ledger;
    private final ProgrammeStore programmes;
    private final TierReview tiers;
    private final BoostStore boosts;
    private final CustomerProfiles profiles;
    private final LoyaltyEvents events;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;

    TillSyncs(LedgerStore store, Ledger ledger, ProgrammeStore programmes, TierReview tiers, BoostStore boosts,
            CustomerProfiles profiles, LoyaltyEvents events, ApplicationEventPublisher publisher, JdbcClient jdbc,
            Clock clock) {
        this.tiers = tiers;
        this.boosts = boosts;
        this.store = store;
        this.ledger = ledger;
        this.programmes = programmes;
        this.profiles = profiles;
        this.events = events;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Outcome sync(String channel, String key, Basket basket) {
        Programme programme = programmes.current()
                .orElseThrow(() -> new NotFoundException("loyalty programme", "current"));
        String digest = basket.digest();
        Instant now = clock.instant();
        boolean claimed = jdbc.sql("""
                INSERT INTO loyalty.till_sync (channel, idempotency_key, digest, local_time, received_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, idempotency_key) DO NOTHING""")
                .params(channel, key, digest, timestamp(basket.localTime()), timestamp(now)).update() == 1;
        if (!claimed) {
            return repeat(channel, key, digest);
        }
        profiles.get(basket.profileId());
        UUID account = store.accountFor(basket.profileId(), Ids.newId(clock), now);
        long owed = store.lock(account);
        long available = store.held(account) - owed;
        if (basket.burnPoints() > available) {
            jdbc.sql("UPDATE loyalty.till_sync SET account_id = ?, refusal = ? WHERE channel = ? AND idempotency_key = ?")
                    .params(account, NOT_ENOUGH_POINTS, channel, key).update();
            return new Outcome(0, 0, available, NOT_ENOUGH_POINTS, false);
        }
        String reference = "till:" + channel + ":" + key;
        if (basket.burnPoints() > 0) {
            Posting burn = Posting.of(account, MovementKind.REDEEMED, reference + ":burn", basket.localTime())
                    .channel(channel);
            ledger.redeem(burn, basket.burnPoints(), "burnPoints").ifPresent(id -> {
                events.movement(EventNames.POINTS_REDEEMED, basket.profileId(), channel, basket.burnPoints(),
                        available - basket.burnPoints(), null, basket.localTime());
                publisher.publishEvent(new PointsRedeemed(id, basket.profileId(), basket.burnPoints(),
                        basket.localTime()));
            });
        }
        List<EarnRules.Line> lines = basket.lines().stream().map(line -> new EarnRules.Line(line.sku(),
                line.quantity(), new Money(line.paidMinor(), basket.currency()), Set.<String>of())).toList();
        long percent = (long) tiers.earnPercent(account) * boosts.promotionPercent(channel, basket.localTime());
        long earned = programme.rules().earn(channel, basket.currency(), lines).stream()
                .mapToLong(line -> line.points() * percent / 10_000).sum();
        if (earned > 0) {
            Posting earn = Posting.of(account, MovementKind.EARNED, reference + ":earn", basket.localTime())
                    .channel(channel);
            Optional<UUID> id = ledger.earn(earn, earned,
                    basket.localTime().plus(Duration.ofDays(programme.expiryDays())));
            id.ifPresent(movement -> {
                store.spend(movement, basket.lines().stream().mapToLong(Basket.Line::paidMinor).sum(),
                        basket.currency());
                publisher.publishEvent(new PointsEarned(movement, basket.profileId(), earned, null,
                        basket.localTime()));
            });
            tiers.look(account, basket.profileId());
        }
        long balance = store.held(account) - store.lock(account);
        if (earned > 0) {
            events.movement(EventNames.POINTS_EARNED, basket.profileId(), channel, earned, balance, null,
                    basket.localTime());
        }
        jdbc.sql("UPDATE loyalty.till_sync SET account_id = ?, earned = ?, redeemed = ? "
                + "WHERE channel = ? AND idempotency_key = ?")
                .params(account, earned, basket.burnPoints(), channel, key).update();
        return new Outcome(earned, basket.burnPoints(), balance, null, false);
    }

    private Outcome repeat(String channel, String key, String digest) {
        record Stored(String digest, @Nullable UUID account, long earned, long redeemed, @Nullable String refusal) {}
        Stored stored = jdbc.sql("SELECT digest, account_id, earned, redeemed, refusal FROM loyalty.till_sync "
                + "WHERE channel = ? AND idempotency_key = ?").params(channel, key)
                .query((rs, n) -> new Stored(rs.getString("digest"), rs.getObject("account_id", UUID.class),
                        rs.getLong("earned"), rs.getLong("redeemed"), rs.getString("refusal"))).single();
        if (!stored.digest().equals(digest)) {
            throw new ConflictException("Idempotency-Key", "This key was used for another basket at this till");
        }
        long balance = stored.account() == null ? 0 : store.held(stored.account()) - store.lock(stored.account());
        return new Outcome(stored.earned(), stored.redeemed(), balance, stored.refusal(), true);
    }
}
