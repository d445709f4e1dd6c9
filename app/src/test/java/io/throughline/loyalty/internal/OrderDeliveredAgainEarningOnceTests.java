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
}
