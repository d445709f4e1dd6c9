package io.throughline.loyalty.internal;

import io.throughline.events.EventNames;
import io.throughline.loyalty.PointsRedeemed;
import io.throughline.loyalty.Programme;
import io.throughline.orders.PointsTender;
import io.throughline.platform.ConflictException;
import io.throughline.platform.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points as a tender at checkout in every channel: the amount becomes points at the programme's value of a point
 * in the order's currency (rounded up, so a point never pays more than it is worth), spent under the payment's
 * reference; refunds give back points worth what is refunded, never more than the payment spent.
 */
@Component
class PointsAsTender implements PointsTender {

    private final ProgrammeStore programmes;
    private final LedgerStore store;
    private final Ledger ledger;
    private final LoyaltyEvents events;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;

    PointsAsTender(ProgrammeStore programmes, LedgerStore store, Ledger ledger, LoyaltyEvents events,
            ApplicationEventPublisher publisher, JdbcClient jdbc, Clock clock) {
        this.programmes = programmes;
        this.store = store;
        this.ledger = ledger;
        this.events = events;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public @Nullable String spend(String reference, UUID profileId, Money amount, String channel) {
        Optional<Long> minorPerPoint = programmes.current().map(Programme::minorPerPoint)
                .map(values -> values.get(amount.currency()));
        if (minorPerPoint.isEmpty()) {
            return "Points cannot pay in " + amount.currency();
        }
        Optional<UUID> account = store.existingAccount(profileId);
        if (account.isEmpty()) {
            return "She has no points yet";
        }
        long points = Math.ceilDiv(amount.minor(), minorPerPoint.get());
        Instant now = clock.instant();
        try {
            Posting posting = Posting.of(account.get(), MovementKind.REDEEMED, "tender:" + reference, now)
                    .channel(channel);
            ledger.redeem(posting, points, "payment").ifPresent(id -> {
                events.movement(EventNames.POINTS_REDEEMED, profileId, channel, points,
                        store.held(account.get()) - store.lock(account.get()), null, now);
                publisher.publishEvent(new PointsRedeemed(id, profileId, points, now));
            });
            return null;
        } catch (ConflictException notEnough) {
            return notEnough.getMessage();
        }
    }

    @Override
    @Transactional
    public void giveBack(String reference, String refundReference, @Nullable Money amount) {
        Optional<LedgerStore.Recorded> spent = store.recorded("tender:" + reference);
        if (spent.isEmpty()) {
            return;
        }
        UUID account = store.existingAccount(store.profileOf(spent.get().accountId())).orElseThrow();
        store.lock(account);
        long given = jdbc.sql("SELECT coalesce(sum(points), 0) FROM loyalty.movement WHERE account_id = ? "
                + "AND kind = 'REDEMPTION_REFUNDED' AND reference LIKE ?")
                .params(account, "tender-refund:" + reference + ":%").query(Long.class).single();
        long left = -spent.get().points() - given;
        long points = left;
        if (amount != null) {
            Long minorPerPoint = programmes.current().map(p -> p.minorPerPoint().get(amount.currency())).orElse(null);
            points = minorPerPoint == null ? left : Math.min(left, Math.ceilDiv(amount.minor(), minorPerPoint));
        }
        if (points <= 0) {
            return;
        }
        Instant now = clock.instant();
        int days = programmes.current().map(Programme::expiryDays).orElse(365);
        ledger.refundRedemption(Posting.of(account, MovementKind.REDEMPTION_REFUNDED,
                "tender-refund:" + reference + ":" + refundReference, now), spent.get().movementId(), points,
                now.plus(Duration.ofDays(days)));
    }
}
