package io.throughline.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.loyalty.EarnRules;
import io.throughline.orders.DeliveryMethod;
import io.throughline.orders.OrderPlaced;
import io.throughline.platform.Money;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An order delivered to loyalty again — the registry's retry after a failure, a resubmission after a restart,
 * several nodes at once — earns its points once, and its return takes them back once.
 */
@PlatformTest
class OrderDeliveredAgainEarningOnceTests {

    @Autowired
    OrderEarnings earnings;
    @Autowired
    ProgrammeStore programmes;
    @Autowired
    LedgerStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PointsExpiry expiry;

    @Test
    void eightDeliveriesOfOneOrderAtOnceEarnItsPointsOnce() throws Exception {
        programmes.save("Cellar Club", 365, Map.of("CZK", 100L, "HUF", 100L), new EarnRules(List.of(
                new EarnRules.Rate(null, "CZK", 1000, 1, 0), new EarnRules.Rate(null, "HUF", 10000, 1, 0)),
                List.of()));
        UUID profile = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = new OrderPlaced(orderId, "TC-1", profile, "shop-tokaj", DeliveryMethod.COUNTER,
                new Money(250_000, "CZK"), List.of(new OrderPlaced.Item("CT-ONCE", 2, new Money(250_000, "CZK"))),
                Instant.now().minusSeconds(60));

        List<Future<Long>> deliveries = new ArrayList<>();
        try (ExecutorService nodes = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                deliveries.add(nodes.submit(() -> earnings.earn(placed)));
            }
        }
        long written = 0;
        for (Future<Long> delivery : deliveries) {
            written += delivery.get();
        }
        assertThat(written).as("points written across all deliveries").isEqualTo(250);
        assertThat(earnings.earn(placed)).as("a late delivery writes nothing").isZero();
        assertThat(store.member(profile).orElseThrow().balance()).isEqualTo(250);
        assertThat(jdbc.sql("SELECT count(*) FROM loyalty.movement WHERE order_id = ?").param(orderId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOrderImportedFromLongAgoEarnsPointsThatExpireWithAnEvent() {
        programmes.save("Cellar Club", 365, Map.of("CZK", 100L, "HUF", 100L), new EarnRules(List.of(
                new EarnRules.Rate(null, "CZK", 1000, 1, 0), new EarnRules.Rate(null, "HUF", 10000, 1, 0)),
                List.of()));
        UUID profile = UUID.randomUUID();
        OrderPlaced longAgo = new OrderPlaced(UUID.randomUUID(), "TC-2", profile, "web", DeliveryMethod.COUNTER,
                new Money(120_000, "CZK"), List.of(new OrderPlaced.Item("CT-OLD", 1, new Money(120_000, "CZK"))),
                Instant.now().minus(java.time.Duration.ofDays(400)));
        assertThat(earnings.earn(longAgo)).isEqualTo(120);
        assertThat(expiry.expireDue(Instant.now())).isPositive();
        var member = store.member(profile).orElseThrow();
        assertThat(member.balance()).isZero();
        assertThat(member.lots()).isEmpty();
        assertThat(jdbc.sql("SELECT sum(e.points) FROM loyalty.entry e JOIN loyalty.movement m ON m.id = e.movement_id "
                + "WHERE m.kind = 'EXPIRED' AND e.book = 'EXPIRED' AND m.account_id = ?")
                .param(member.accountId()).query(Long.class).single()).isEqualTo(120);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM events.event WHERE profile_id = ? AND name = 'Points Expired'")
                .param(profile).query(Long.class).single() == 1);
    }
}
