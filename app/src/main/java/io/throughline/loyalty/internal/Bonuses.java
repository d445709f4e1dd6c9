package io.throughline.loyalty.internal;

import io.throughline.events.EventNames;
import io.throughline.loyalty.Bonus;
import io.throughline.loyalty.PointsEarned;
import io.throughline.loyalty.Programme;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bonus points, in the caller's transaction: a bonus of a kind the programme rewards is written once under its
 * reference (sign-up and consent once per member, a review once per product, the birthday once a year), logged as
 * "Points Earned" with the bonus's kind.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Bonuses {

    private final ProgrammeStore programmes;
    private final BoostStore boosts;
    private final LedgerStore store;
    private final Ledger ledger;
    private final LoyaltyEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Bonuses(ProgrammeStore programmes, BoostStore boosts, LedgerStore store, Ledger ledger, LoyaltyEvents events,
            ApplicationEventPublisher publisher, Clock clock) {
        this.programmes = programmes;
        this.boosts = boosts;
        this.store = store;
        this.ledger = ledger;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    static String referenceOf(Bonus.Kind kind, UUID profileId, String occasion) {
        return "bonus:" + kind + ":" + profileId + (occasion.isEmpty() ? "" : ":" + occasion);
    }

    /** The bonus of that kind, plus {@code extra} points; answers the points written now (0 for a repeat). */
    long grant(Bonus.Kind kind, UUID profileId, String occasion, @Nullable String channel, Instant at, long extra) {
        Optional<Programme> programme = programmes.current();
        long points = boosts.bonus(kind).map(Bonus::points).orElse(0L) + extra;
        if (programme.isEmpty() || points <= 0) {
            return 0;
        }
        UUID account = store.accountFor(profileId, Ids.newId(clock), clock.instant());
        Posting posting = Posting.of(account, MovementKind.BONUS, referenceOf(kind, profileId, occasion), at)
                .channel(channel).because(kind.name());
        Optional<UUID> movement = ledger.earn(posting, points,
                at.plus(Duration.ofDays(programme.get().expiryDays())));
        if (movement.isEmpty()) {
            return 0;
        }
        events.bonus(profileId, channel, points, store.held(account) - store.lock(account), kind.name(), at);
        publisher.publishEvent(new PointsEarned(movement.get(), profileId, points, null, at));
        return points;
    }
}
