package io.throughline.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What one stretch of the log adds to the rollups, gathered in memory so that it is written in a few statements. */
final class RollupBatch {

    record TouchKey(UUID profileId, LocalDate day, String channel, String name) {}

    record TouchCount(Instant firstAt, int events) {
        TouchCount plus(TouchCount other) {
            return new TouchCount(other.firstAt.isBefore(firstAt) ? other.firstAt : firstAt, events + other.events);
        }
    }

    private final Map<TouchKey, TouchCount> touches = new LinkedHashMap<>();
    private final Map<String, OrderFact> orders = new LinkedHashMap<>();
    private final Set<String> cancelled = new LinkedHashSet<>();

    /** Days are UTC days, so that a rollup never depends on who reads it. */
    void touch(UUID profileId, String channel, String name, Instant at) {
        touches.merge(new TouchKey(profileId, LocalDate.ofInstant(at, ZoneOffset.UTC), channel, name),
                new TouchCount(at, 1), TouchCount::plus);
    }

    /** The first report of an order wins; a channel that reports it again changes nothing. */
    void order(OrderFact order) {
        orders.putIfAbsent(order.key(), order);
    }

    void cancel(String orderKey) {
        cancelled.add(orderKey);
    }

    Map<TouchKey, TouchCount> touches() {
        return touches;
    }

    List<OrderFact> orders() {
        return new ArrayList<>(orders.values());
    }

    Set<String> cancelled() {
        return cancelled;
    }

    boolean isEmpty() {
        return touches.isEmpty() && orders.isEmpty() && cancelled.isEmpty();
    }
}
