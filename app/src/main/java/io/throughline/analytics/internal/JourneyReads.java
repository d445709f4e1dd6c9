package io.throughline.analytics.internal;

import io.throughline.analytics.Period;
import io.throughline.analytics.internal.attribution.Journey;
import io.throughline.analytics.internal.attribution.Touchpoint;
import io.throughline.platform.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The journeys attribution shares credit over: for each order of the period, the customer's touchpoints (one per
 * day and channel she was active in, outcomes and sends excluded) in the lookback window before it and after her
 * previous order, ending with the channel she bought in; and, for the Markov model, the period's touchpoints that
 * led to no order.
 */
@Component
class JourneyReads {

    private record Order(Instant at, String channel, double value) {}

    private final JdbcClient jdbc;

    JourneyReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Journey> read(Period period, Duration lookback, String currency) {
        Map<UUID, List<Touchpoint>> touches = new HashMap<>();
        jdbc.sql("""
                SELECT profile_id, channel, min(first_at) AS at FROM analytics.touch
                WHERE first_at >= :from AND first_at < :to AND channel <> 'platform' AND name NOT IN %s
                GROUP BY profile_id, day, channel ORDER BY profile_id, at""".formatted(Touches.notTouchpointSql()))
                .param("from", Rows.timestamp(period.from().minus(lookback)))
                .param("to", Rows.timestamp(period.to()))
                .query(rs -> {
                    touches.computeIfAbsent(Rows.uuid(rs, "profile_id"), id -> new ArrayList<>())
                            .add(new Touchpoint(rs.getString("channel"), Rows.instant(rs, "at")));
                });
        Map<UUID, List<Order>> orders = new HashMap<>();
        jdbc.sql("""
                SELECT profile_id, occurred_at, channel, total_minor FROM analytics.order_fact
                WHERE NOT cancelled AND currency = :currency AND occurred_at >= :from AND occurred_at < :to
                ORDER BY profile_id, occurred_at, order_key""")
                .param("currency", currency).param("from", Rows.timestamp(period.from()))
                .param("to", Rows.timestamp(period.to()))
                .query(rs -> {
                    orders.computeIfAbsent(Rows.uuid(rs, "profile_id"), id -> new ArrayList<>())
                            .add(new Order(Rows.instant(rs, "occurred_at"), rs.getString("channel"),
                                    rs.getLong("total_minor")));
                });
        List<Journey> journeys = new ArrayList<>();
        for (var customer : orders.entrySet()) {
            List<Touchpoint> own = touches.getOrDefault(customer.getKey(), List.of());
            Instant previous = Instant.MIN;
            for (Order order : customer.getValue()) {
                Instant start = order.at().minus(lookback);
                List<Touchpoint> path = new ArrayList<>();
                for (Touchpoint touch : own) {
                    if (touch.at().isAfter(previous) && !touch.at().isBefore(start) && touch.at().isBefore(order.at())) {
                        path.add(touch);
                    }
                }
                path.add(new Touchpoint(order.channel(), order.at()));
                journeys.add(new Journey(path, order.at(), order.value()));
                previous = order.at();
            }
            Instant lastOrder = previous;
            List<Touchpoint> after = own.stream().filter(touch -> touch.at().isAfter(lastOrder)).toList();
            if (!after.isEmpty()) {
                journeys.add(new Journey(after, null, 0));
            }
        }
        for (var customer : touches.entrySet()) {
            if (!orders.containsKey(customer.getKey())) {
                List<Touchpoint> inPeriod = customer.getValue().stream()
                        .filter(touch -> !touch.at().isBefore(period.from())).toList();
                if (!inPeriod.isEmpty()) {
                    journeys.add(new Journey(inPeriod, null, 0));
                }
            }
        }
        return journeys;
    }
}
