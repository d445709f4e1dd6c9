package io.throughline.loyalty.internal;

import io.throughline.customers.CustomerProfiles;
import io.throughline.events.EventNames;
import io.throughline.loyalty.ClaimedReward;
import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.Loyalty;
import io.throughline.loyalty.MemberPoints;
import io.throughline.loyalty.MemberTier;
import io.throughline.loyalty.Programme;
import io.throughline.loyalty.Reward;
import io.throughline.loyalty.StatementLine;
import io.throughline.loyalty.Tier;
import io.throughline.loyalty.TierRules;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Keyset;
import io.throughline.platform.KeysetQuery;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members' points and statements, staff adjustments, and the programme. */
@Service
class LoyaltyService implements Loyalty {

    private final LedgerStore store;
    private final Ledger ledger;
    private final ProgrammeStore programmes;
    private final CustomerProfiles profiles;
    private final LoyaltyEvents events;
    private final TierStore tiers;
    private final Rewards rewards;
    private final JdbcClient jdbc;
    private final Clock clock;

    LoyaltyService(LedgerStore store, Ledger ledger, ProgrammeStore programmes, CustomerProfiles profiles,
            LoyaltyEvents events, TierStore tiers, Rewards rewards, JdbcClient jdbc, Clock clock) {
        this.tiers = tiers;
        this.rewards = rewards;
        this.store = store;
        this.ledger = ledger;
        this.programmes = programmes;
        this.profiles = profiles;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberPoints> member(UUID profileId) {
        return store.member(profileId);
    }

    @Override
    @Transactional(readOnly = true)
    public Keyset.Slice<StatementLine> statement(UUID profileId, Keyset.@Nullable Cursor after, int size) {
        Optional<UUID> account = store.existingAccount(profileId);
        if (account.isEmpty()) {
            return new Keyset.Slice<>(List.of(), null);
        }
        return new KeysetQuery("m.id, m.kind, e.points, m.channel, m.order_id, m.reason, m.occurred_at, m.recorded_at",
                "FROM loyalty.entry e JOIN loyalty.movement m ON m.id = e.movement_id "
                        + "WHERE e.account_id = ? AND e.book = 'MEMBER'",
                "m.recorded_at", "m.id", List.of(account.get()))
                .read(jdbc, after, size, (rs, n) -> new StatementLine(Rows.uuid(rs, "id"), rs.getString("kind"),
                        rs.getLong("points"), rs.getString("channel"), Rows.uuidOrNull(rs, "order_id"),
                        rs.getString("reason"), Rows.instant(rs, "occurred_at"), Rows.instant(rs, "recorded_at")),
                        line -> new Keyset.Cursor(line.recordedAt(), line.movementId()));
    }

    @Override
    public Optional<Programme> programme() {
        return programmes.current();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberTier> tier(UUID profileId) {
        TierRules rules = tiers.rules();
        if (rules.tiers().isEmpty()) {
            return Optional.empty();
        }
        return store.existingAccount(profileId).map(account -> {
            TierStore.Held held = tiers.held(account);
            Tier tier = held.tierId() == null ? null : rules.tiers().stream()
                    .filter(t -> t.id().equals(held.tierId())).findFirst().orElse(null);
            return new MemberTier(profileId, tier, held.since(), held.reviewAt(),
                    tiers.qualifying(account, rules, clock.instant()), TierPolicy.next(rules.tiers(), tier));
        });
    }

    @Override
    public List<Reward> activeRewards() {
        return rewards.all().stream().filter(Reward::active).toList();
    }

    @Override
    public ClaimedReward claim(UUID profileId, UUID rewardId, String channel, String reference) {
        profiles.get(profileId);
        return rewards.claim(profileId, rewardId, channel, reference);
    }

    /** Sets the programme and its rules, replacing the ones in force. */
    Programme saveProgramme(String name, int expiryDays, Map<String, Long> minorPerPoint, EarnRules rules) {
        return programmes.save(name, expiryDays, minorPerPoint, rules);
    }

    /**
     * Staff add or take points with a reason, once per reference; the staff member and the reason stay on the
     * movement. Taking more than she holds is refused.
     */
    @Override
    @Transactional
    public MemberPoints adjust(UUID profileId, long points, String reason, UUID staffId, String reference) {
        if (points == 0) {
            throw new InvalidRequestException("points", "must not be zero");
        }
        profiles.get(profileId);
        Programme programme = programmes.current()
                .orElseThrow(() -> new NotFoundException("loyalty programme", "current"));
        Instant now = clock.instant();
        UUID account = store.accountFor(profileId, Ids.newId(clock), now);
        Posting posting = Posting.of(account, MovementKind.ADJUSTED, "adjustment:" + reference, now)
                .by(staffId, reason);
        ledger.adjust(posting, points, now.plus(Duration.ofDays(programme.expiryDays())), "points")
                .ifPresent(id -> {
                    if (points > 0) {
                        events.movement(EventNames.POINTS_EARNED, profileId, null, points,
                                store.held(account) - store.lock(account), null, now);
                    }
                });
        return store.member(profileId).orElseThrow();
    }
}
