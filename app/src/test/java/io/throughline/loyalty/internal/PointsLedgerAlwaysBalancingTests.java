package io.throughline.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.platform.ConflictException;
import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger balances at every moment: over random sequences of earning, spending, returns, refunds, expiry,
 * merges and unmerges among four members, every movement's entries add up to zero, every account's entries equal
 * the points in its lots less what it owes, an account never both holds and owes points, and a refused spend
 * changes nothing. Runs against the platform's PostgreSQL, the same context the other platform tests share.
 */
class PointsLedgerAlwaysBalancingTests {

    /** The shared platform's configuration; the context comes from Spring's test context cache. */
    @PlatformTest
    static class Platform {}

    sealed interface Step {
        record Earn(int member, long points, int expiresInDays) implements Step {}

        record Spend(int member, long points) implements Step {}

        record Return(int earning, long points) implements Step {}

        record Refund(int spending) implements Step {}

        record Expire() implements Step {}

        record Merge(int survivor, int absorbed) implements Step {}

        record Unmerge() implements Step {}

        record Adjust(int member, long points) implements Step {}
    }

    private static ApplicationContext context;

    @BeforeContainer
    static void platform() throws Exception {
        TestContextManager manager = new TestContextManager(Platform.class);
        context = manager.getTestContext().getApplicationContext();
    }

    @Property(tries = 40)
    void everyMovementBalancesAndEveryAccountMatchesItsLots(@ForAll("sequences") List<Step> steps) {
        Ledger ledger = context.getBean(Ledger.class);
        LedgerStore store = context.getBean(LedgerStore.class);
        MergeFollower merges = context.getBean(MergeFollower.class);
        PointsExpiry expiry = context.getBean(PointsExpiry.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Clock clock = context.getBean(Clock.class);

        List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        record Earned(UUID profile, String reference, long points) {}
        record Spent(UUID profile, UUID movement, long points) {}
        List<Earned> earnings = new ArrayList<>();
        List<Spent> spendings = new ArrayList<>();
        Deque<UUID[]> merged = new ArrayDeque<>();
        List<UUID> absorbed = new ArrayList<>();
        int counter = 0;
        for (Step step : steps) {
            String reference = "property:" + UUID.randomUUID() + ":" + counter++;
            Instant now = clock.instant();
            switch (step) {
                case Step.Earn earn -> {
                    UUID profile = members.get(earn.member());
                    transactions.executeWithoutResult(tx -> {
                        UUID account = store.accountFor(profile, UUID.randomUUID(), now);
                        ledger.earn(Posting.of(account, MovementKind.EARNED, reference, now), earn.points(),
                                now.plus(Duration.ofDays(earn.expiresInDays())));
                    });
                    earnings.add(new Earned(profile, reference, earn.points()));
                }
                case Step.Spend spend -> {
                    UUID profile = members.get(spend.member());
                    List<Long> before = balances(jdbc, store, members);
                    try {
                        Optional<UUID> id = transactions.execute(tx -> {
                            UUID account = store.accountFor(profile, UUID.randomUUID(), now);
                            return ledger.redeem(Posting.of(account, MovementKind.REDEEMED, reference, now),
                                    spend.points(), "points");
                        });
                        id.ifPresent(movement -> spendings.add(new Spent(profile, movement, spend.points())));
                        assertThat(store.member(profile).orElseThrow().balance()).as("a spend never overdraws")
                                .isGreaterThanOrEqualTo(0);
                    } catch (ConflictException refused) {
                        assertThat(balances(jdbc, store, members)).as("a refused spend changes nothing")
                                .isEqualTo(before);
                    }
                }
                case Step.Return back -> {
                    if (earnings.isEmpty()) {
                        continue;
                    }
                    Earned earned = earnings.get(back.earning() % earnings.size());
                    long points = Math.min(back.points(), earned.points());
                    transactions.executeWithoutResult(tx -> ledger.reverseEarn(Posting.of(
                            store.existingAccount(earned.profile()).orElseThrow(), MovementKind.EARN_REVERSED,
                            reference, now), points));
                }
                case Step.Refund refund -> {
                    if (spendings.isEmpty()) {
                        continue;
                    }
                    Spent spent = spendings.remove(refund.spending() % spendings.size());
                    transactions.executeWithoutResult(tx -> ledger.refundRedemption(Posting.of(
                            store.existingAccount(spent.profile()).orElseThrow(), MovementKind.REDEMPTION_REFUNDED,
                            reference, now), spent.movement(), spent.points(), now.plus(Duration.ofDays(30))));
                }
                case Step.Expire expire -> expiry.expireDue(now);
                case Step.Merge merge -> {
                    UUID survivor = members.get(merge.survivor());
                    UUID gone = members.get(merge.absorbed());
                    if (survivor.equals(gone) || absorbed.contains(survivor) || absorbed.contains(gone)) {
                        continue;
                    }
                    transactions.executeWithoutResult(tx -> merges.merged(survivor, gone, reference, now));
                    merged.push(new UUID[] {survivor, gone});
                    absorbed.add(gone);
                }
                case Step.Unmerge unmerge -> {
                    if (merged.isEmpty()) {
                        continue;
                    }
                    UUID[] last = merged.pop();
                    transactions.executeWithoutResult(tx -> merges.unmerged(last[0], last[1], reference, now));
                    absorbed.remove(last[1]);
                }
                case Step.Adjust adjust -> {
                    UUID profile = members.get(adjust.member());
                    try {
                        transactions.executeWithoutResult(tx -> {
                            UUID account = store.accountFor(profile, UUID.randomUUID(), now);
                            ledger.adjust(Posting.of(account, MovementKind.ADJUSTED, reference, now)
                                    .by(UUID.randomUUID(), "property"), adjust.points(), now.plusSeconds(86_400),
                                    "points");
                        });
                    } catch (ConflictException refused) {
                        // Taking more than she holds is refused; the checks below see that nothing moved.
                    }
                }
            }
            assertBalanced(jdbc, members);
        }
    }

    private static void assertBalanced(JdbcClient jdbc, List<UUID> members) {
        UUID[] profiles = members.toArray(UUID[]::new);
        List<UUID> unbalanced = jdbc.sql("""
                SELECT e.movement_id FROM loyalty.entry e
                WHERE e.movement_id IN (SELECT e2.movement_id FROM loyalty.entry e2
                    JOIN loyalty.account a ON a.id = e2.account_id WHERE a.profile_id = ANY(?))
                GROUP BY e.movement_id HAVING sum(e.points) <> 0""")
                .param(profiles).query(UUID.class).list();
        assertThat(unbalanced).as("movements whose entries do not add up to zero").isEmpty();
        List<String> mismatched = jdbc.sql("""
                SELECT a.profile_id || ': entries ' || coalesce(e.points, 0) || ', lots ' || coalesce(l.held, 0)
                    || ', owed ' || a.owed
                FROM loyalty.account a
                LEFT JOIN (SELECT account_id, sum(points) AS points FROM loyalty.entry WHERE book = 'MEMBER'
                    GROUP BY account_id) e ON e.account_id = a.id
                LEFT JOIN (SELECT account_id, sum(remaining) AS held FROM loyalty.lot GROUP BY account_id) l
                    ON l.account_id = a.id
                WHERE a.profile_id = ANY(?)
                  AND (coalesce(e.points, 0) <> coalesce(l.held, 0) - a.owed
                       OR (a.owed > 0 AND coalesce(l.held, 0) > 0))""")
                .param(profiles).query(String.class).list();
        assertThat(mismatched).as("accounts whose entries differ from their lots less what they owe").isEmpty();
    }

    private static List<Long> balances(JdbcClient jdbc, LedgerStore store, List<UUID> members) {
        return members.stream().map(profile -> store.member(profile).map(points -> points.balance()).orElse(0L))
                .toList();
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, 3);
        Arbitrary<Long> points = Arbitraries.longs().between(1, 500);
        Arbitrary<Step> earn = Combinators.combine(member, points, Arbitraries.integers().between(-3, 30))
                .as((who, how, days) -> new Step.Earn(who, how, days));
        Arbitrary<Step> spend = Combinators.combine(member, points).as(Step.Spend::new);
        Arbitrary<Step> back = Combinators.combine(Arbitraries.integers().between(0, 50), points)
                .as(Step.Return::new);
        Arbitrary<Step> refund = Arbitraries.integers().between(0, 50).map(Step.Refund::new);
        Arbitrary<Step> expire = Arbitraries.just(new Step.Expire());
        Arbitrary<Step> merge = Combinators.combine(member, member).as(Step.Merge::new);
        Arbitrary<Step> unmerge = Arbitraries.just(new Step.Unmerge());
        Arbitrary<Step> adjust = Combinators.combine(member, Arbitraries.longs().between(-300, 300))
                .filter((who, how) -> how != 0).as(Step.Adjust::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, earn), net.jqwik.api.Tuple.of(4, spend),
                        net.jqwik.api.Tuple.of(2, back), net.jqwik.api.Tuple.of(2, refund),
                        net.jqwik.api.Tuple.of(1, expire), net.jqwik.api.Tuple.of(2, merge),
                        net.jqwik.api.Tuple.of(1, unmerge), net.jqwik.api.Tuple.of(1, adjust))
                .list().ofMinSize(1).ofMaxSize(25);
    }
}
