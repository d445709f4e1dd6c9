package io.throughline.loyalty.internal;

import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.loyalty.Tier;
import io.throughline.loyalty.TierChanged;
import io.throughline.loyalty.TierRules;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at a member's tier after her points moved, in that transaction (the account is locked), and at the tiers
 * due for review every few minutes. A change is logged as "Tier Changed" with the tier she left and the one she
 * reached, so journeys can greet a new tier, and published as {@link TierChanged}.
 */
@Component
class TierReview {

    private static final int BATCH = 500;

    private final TierStore tiers;
    private final LedgerStore store;
    private final EventLog log;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TierReview(TierStore tiers, LedgerStore store, EventLog log, ApplicationEventPublisher publisher,
            TransactionTemplate transactions, Clock clock) {
        this.tiers = tiers;
        this.store = store;
        this.log = log;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Her tier's earning multiplier in percent (100 without tiers). */
    int earnPercent(UUID accountId) {
        TierStore.Held held = tiers.held(accountId);
        if (held.tierId() == null) {
            return 100;
        }
        return tiers.rules().tiers().stream().filter(tier -> tier.id().equals(held.tierId())).findFirst()
                .map(Tier::earnPercent).orElse(100);
    }

    /** Moves her up when her figure reaches a higher tier; down only when her review is due. */
    @Transactional(propagation = Propagation.MANDATORY)
    void look(UUID accountId, UUID profileId) {
        TierRules rules = tiers.rules();
        TierStore.Held held = tiers.held(accountId);
        if (rules.tiers().isEmpty()) {
            if (held.tierId() != null || held.reviewAt() != null) {
                tiers.hold(accountId, null, null, null);
            }
            return;
        }
        Instant now = clock.instant();
        boolean due = held.reviewAt() != null && !held.reviewAt().isAfter(now);
        long qualifying = tiers.qualifying(accountId, rules, now);
        Tier decided = TierPolicy.decide(rules.tiers(), held.tierId(), qualifying, due);
        UUID to = decided == null ? null : decided.id();
        Instant review = to == null ? null : now.plus(Duration.ofDays(rules.windowDays()));
        if (Objects.equals(to, held.tierId())) {
            if (due) {
                tiers.hold(accountId, to, held.since(), review);
            }
            return;
        }
        tiers.hold(accountId, to, now, review);
        Tier from = held.tierId() == null ? null : rules.tiers().stream()
                .filter(tier -> tier.id().equals(held.tierId())).findFirst().orElse(null);
        changed(profileId, from, decided, qualifying, now);
    }

    /** Reviews the tiers whose time has come, a batch per transaction; answers how many were looked at. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT3M")
    void reviewDue() {
        reviewDue(clock.instant());
    }

    long reviewDue(Instant now) {
        long seen = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                List<UUID> due = tiers.dueForReview(now, BATCH);
                for (UUID account : due) {
                    store.lock(account);
                    look(account, store.profileOf(account));
                }
                return due.size();
            });
            seen += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                return seen;
            }
        }
    }

    private void changed(UUID profileId, @Nullable Tier from, @Nullable Tier to, long qualifying, Instant at) {
        String direction = to == null || (from != null && to.rank() < from.rank()) ? "down" : "up";
        log.appendWithTransaction(CustomerEvent.track(EventNames.TIER_CHANGED, CustomerEvent.PLATFORM, at)
                .about(profileId, null)
                .property("tier", to == null ? null : to.name())
                .property("tier_id", to == null ? null : to.id())
                .property("previous_tier", from == null ? null : from.name())
                .property("direction", direction)
                .property("qualifying", qualifying)
                .toAppend(Ids.newId(clock).toString(), clock.instant()));
        publisher.publishEvent(new TierChanged(profileId, from == null ? null : from.id(), to == null ? null : to.id(),
                at));
    }
}
