package io.throughline.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    record MeasureKey(UUID profileId, LocalDate day, Measure measure) {}

    /** A day's sum of a measure, its number of events, and the last event's value (a balance) with its time. */
    record MeasureSum(long total, int events, Instant lastAt, long lastValue) {
        MeasureSum plus(MeasureSum other) {
            boolean later = !other.lastAt.isBefore(lastAt);
            return new MeasureSum(total + other.total, events + other.events, later ? other.lastAt : lastAt,
                    later ? other.lastValue : lastValue);
        }
    }

    record TouchCount(Instant firstAt, int events) {
        TouchCount plus(TouchCount other) {
            return new TouchCount(other.firstAt.isBefore(firstAt) ? other.firstAt : firstAt, events + other.events);
        }
    }

    private final Map<TouchKey, TouchCount> touches = new LinkedHashMap<>();
    private final Map<String, OrderFact> orders = new LinkedHashMap<>();
    private final Set<String> cancelled = new LinkedHashSet<>();
    private final Map<MeasureKey, MeasureSum> measures = new LinkedHashMap<>();
    private final Map<UUID, CaseFact> cases = new LinkedHashMap<>();
    private final ZoneId zone;

    RollupBatch(ZoneId zone) {
        this.zone = zone;
    }

    /** Days are the brand's days, the ones every period, cohort and chart is asked in. */
    void touch(UUID profileId, String channel, String name, Instant at) {
        touches.merge(new TouchKey(profileId, LocalDate.ofInstant(at, zone), channel, name),
                new TouchCount(at, 1), TouchCount::plus);
    }

    void measure(UUID profileId, Measure measure, long amount, Instant at) {
        measures.merge(new MeasureKey(profileId, LocalDate.ofInstant(at, zone), measure),
                new MeasureSum(amount, 1, at, amount), MeasureSum::plus);
    }

    void serviceCase(CaseFact fact) {
        cases.merge(fact.conversationId(), fact, CaseFact::plus);
    }

    Map<MeasureKey, MeasureSum> measures() {
        return measures;
    }

    List<CaseFact> cases() {
        return new ArrayList<>(cases.values());
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
        return touches.isEmpty() && orders.isEmpty() && cancelled.isEmpty() && measures.isEmpty() && cases.isEmpty();
    }
}
