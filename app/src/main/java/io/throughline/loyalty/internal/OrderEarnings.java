package io.throughline.loyalty.internal;

import io.throughline.catalog.Catalogue;
import io.throughline.catalog.CatalogueItem;
import io.throughline.catalog.Sku;
import io.throughline.events.EventNames;
import io.throughline.loyalty.Bonus;
import io.throughline.loyalty.EarnRules;
import io.throughline.loyalty.PointsEarned;
import io.throughline.loyalty.Programme;
import io.throughline.orders.OrderCancelled;
import io.throughline.orders.OrderPlaced;
import io.throughline.orders.OrderReturn;
import io.throughline.orders.ReturnAccepted;
import io.throughline.platform.Ids;
import io.throughline.tracking.ChannelType;
import io.throughline.tracking.Source;
import io.throughline.tracking.Sources;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points for orders of every channel: earned once per order (the order's id is the movement's reference, claimed
 * in the transaction that writes the points), and reversed per returned unit, each unit taking back its share of
 * what its line earned, so that returning a whole line takes back exactly what it earned.
 */
@Component
class OrderEarnings {

    private final ProgrammeStore programmes;
    private final TierReview tiers;
    private final BoostStore boosts;
    private final Bonuses bonuses;
    private final Sources sources;
    private final LedgerStore store;
    private final Ledger ledger;
    private final Catalogue catalogue;
    private final LoyaltyEvents events;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;

    OrderEarnings(ProgrammeStore programmes, TierReview tiers, BoostStore boosts, Bonuses bonuses, Sources sources,
            LedgerStore store, Ledger ledger, Catalogue catalogue, LoyaltyEvents events,
            ApplicationEventPublisher publisher, JdbcClient jdbc, Clock clock) {
        this.programmes = programmes;
        this.tiers = tiers;
        this.boosts = boosts;
        this.bonuses = bonuses;
        this.sources = sources;
        this.store = store;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.events = events;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String referenceOf(UUID orderId) {
        return "order:" + orderId;
    }

    /** Earns the order's points unless it earned them before; answers the points written now. */
    @Transactional
    long earn(OrderPlaced placed) {
        Optional<Programme> programme = programmes.current();
        if (placed.profileId() == null || programme.isEmpty()) {
            return 0;
        }
        List<EarnRules.Line> paid = EarnRules.netOfPoints(linesOf(placed.items()), placed.paidInPoints().minor());
        List<EarnRules.LinePoints> base = programme.get().rules().earn(placed.channel(), placed.total().currency(),
                paid);
        if (base.stream().mapToLong(EarnRules.LinePoints::points).sum() == 0) {
            return 0;
        }
        UUID account = store.accountFor(placed.profileId(), Ids.newId(clock), clock.instant());
        // Under the account's lock a cancellation that was handled first has left its mark: nothing to earn.
        store.lock(account);
        if (store.recorded(cancelReferenceOf(placed.orderId())).isPresent()) {
            return 0;
        }
        // Her tier's multiplier and the best promotion running when she bought multiply each line's points.
        long percent = (long) tiers.earnPercent(account) * boosts.promotionPercent(placed.channel(), placed.placedAt());
        List<EarnRules.LinePoints> lines = base.stream().map(line -> new EarnRules.LinePoints(line.sku(),
                line.quantity(), line.points() * percent / 10_000)).toList();
        long points = lines.stream().mapToLong(EarnRules.LinePoints::points).sum();
        if (points == 0) {
            return 0;
        }
        Posting posting = Posting.of(account, MovementKind.EARNED, referenceOf(placed.orderId()), placed.placedAt())
                .channel(placed.channel()).order(placed.orderId());
        Optional<UUID> movement = ledger.earn(posting, points,
                placed.placedAt().plus(Duration.ofDays(programme.get().expiryDays())));
        if (movement.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                INSERT INTO loyalty.earned_line (movement_id, sku, quantity, points)
                SELECT ?, sku, sum(quantity), sum(points) FROM unnest(?::text[], ?::int[], ?::bigint[])
                    AS l (sku, quantity, points) GROUP BY sku""")
                .params(movement.get(), lines.stream().map(EarnRules.LinePoints::sku).toArray(String[]::new),
                        lines.stream().map(EarnRules.LinePoints::quantity).toArray(Integer[]::new),
                        lines.stream().map(EarnRules.LinePoints::points).toArray(Long[]::new))
                .update();
        store.spend(movement.get(), paid.stream().mapToLong(line -> line.paid().minor()).sum(),
                placed.total().currency());
        events.movement(EventNames.POINTS_EARNED, placed.profileId(), placed.channel(), points,
                store.held(account) - store.lock(account), placed.orderId(), placed.placedAt());
        publisher.publishEvent(new PointsEarned(movement.get(), placed.profileId(), points, placed.orderId(),
                placed.placedAt()));
        tiers.look(account, placed.profileId());
        if (sources.findByChannel(placed.channel()).map(Source::channelType).orElse(null) == ChannelType.APP) {
            bonuses.grant(Bonus.Kind.FIRST_APP_PURCHASE, placed.profileId(), "", placed.channel(),
                    placed.placedAt(), 0);
        }
        return points;
    }

    static String cancelReferenceOf(UUID orderId) {
        return "cancel:" + orderId;
    }

    /**
     * Takes back what a cancelled order earned and has not yet given back through returns, once per order. When
     * the cancellation arrives before the order's points, it leaves its reference behind (a movement of no
     * points), so the order's points, arriving later, are not earned.
     */
    @Transactional
    long cancel(OrderCancelled cancelled) {
        if (cancelled.profileId() == null) {
            return 0;
        }
        Optional<LedgerStore.Recorded> earned = store.recorded(referenceOf(cancelled.orderId()));
        UUID account = earned.isPresent() ? currentAccount(earned.get().accountId())
                : store.accountFor(cancelled.profileId(), Ids.newId(clock), clock.instant());
        store.lock(account);
        earned = store.recorded(referenceOf(cancelled.orderId()));
        long points = earned.isEmpty() ? 0 : jdbc.sql("SELECT coalesce(sum(points - reversed_points), 0) "
                + "FROM loyalty.earned_line WHERE movement_id = ?").param(earned.get().movementId())
                .query(Long.class).single();
        Posting posting = Posting.of(account, MovementKind.EARN_REVERSED, cancelReferenceOf(cancelled.orderId()),
                cancelled.cancelledAt()).channel(cancelled.channel()).order(cancelled.orderId());
        if (ledger.reverseEarn(posting, points).isEmpty() || earned.isEmpty()) {
            return 0;
        }
        jdbc.sql("UPDATE loyalty.earned_line SET returned_quantity = quantity, reversed_points = points "
                + "WHERE movement_id = ?").param(earned.get().movementId()).update();
        reverseSpend(earned.get(), cancelReferenceOf(cancelled.orderId()), points);
        tiers.look(account, cancelled.profileId());
        return points;
    }

    /** Takes back what the returned units earned, once per return; answers the points taken back now. */
    @Transactional
    long reverse(ReturnAccepted accepted) {
        Optional<LedgerStore.Recorded> earned = store.recorded(referenceOf(accepted.orderId()));
        if (earned.isEmpty()) {
            return 0;
        }
        String reference = "return:" + accepted.returnId();
        if (store.recorded(reference).isPresent()) {
            return 0;
        }
        UUID account = currentAccount(earned.get().accountId());
        List<String> skus = new ArrayList<>();
        List<Integer> returned = new ArrayList<>();
        List<Long> reversed = new ArrayList<>();
        long points = 0;
        for (OrderReturn.Line line : accepted.lines()) {
            Optional<long[]> row = jdbc.sql("SELECT quantity, points, returned_quantity, reversed_points "
                    + "FROM loyalty.earned_line WHERE movement_id = ? AND sku = ? FOR UPDATE")
                    .params(earned.get().movementId(), line.sku())
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .optional();
            if (row.isEmpty()) {
                continue;
            }
            long[] r = row.get();
            long nowReturned = Math.min(r[0], r[2] + line.quantity());
            long target = r[1] * nowReturned / r[0];
            long delta = target - r[3];
            skus.add(line.sku());
            returned.add((int) nowReturned);
            reversed.add(target);
            points += delta;
        }
        if (points == 0) {
            return 0;
        }
        Posting posting = Posting.of(account, MovementKind.EARN_REVERSED, reference, accepted.acceptedAt())
                .channel(accepted.channel()).order(accepted.orderId());
        if (ledger.reverseEarn(posting, points).isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                UPDATE loyalty.earned_line e SET returned_quantity = r.returned, reversed_points = r.reversed
                FROM unnest(?::text[], ?::int[], ?::bigint[]) AS r (sku, returned, reversed)
                WHERE e.movement_id = ? AND e.sku = r.sku""")
                .params(skus.toArray(String[]::new), returned.toArray(Integer[]::new), reversed.toArray(Long[]::new),
                        earned.get().movementId())
                .update();
        reverseSpend(earned.get(), reference, points);
        tiers.look(account, store.profileOf(account));
        return points;
    }

    /** The share of the spend behind the points taken back, so that tiers on spend count what she kept. */
    private void reverseSpend(LedgerStore.Recorded earned, String reference, long points) {
        store.recorded(reference).ifPresent(reversal -> store.reverseSpend(reversal.movementId(),
                earned.movementId(), points, earned.points()));
    }

    /** The account now holding the points of an account that may have been merged into another since. */
    private UUID currentAccount(UUID account) {
        return store.existingAccount(store.profileOf(account)).orElse(account);
    }

    private List<EarnRules.Line> linesOf(List<OrderPlaced.Item> items) {
        Set<Sku> skus = new HashSet<>();
        for (OrderPlaced.Item item : items) {
            skus.add(Sku.of(item.sku()));
        }
        Map<Sku, CatalogueItem> known = catalogue.items(skus);
        List<EarnRules.Line> lines = new ArrayList<>(items.size());
        for (OrderPlaced.Item item : items) {
            CatalogueItem found = known.get(Sku.of(item.sku()));
            Set<String> categories = new HashSet<>();
            if (found != null) {
                found.categoryIds().forEach(id -> categories.add(id.toString()));
            }
            lines.add(new EarnRules.Line(item.sku(), item.quantity(), item.total(), categories));
        }
        return lines;
    }
}
