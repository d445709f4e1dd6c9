package io.throughline.inventory.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.inventory.ChannelAvailability;
import io.throughline.inventory.StockLevelChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This node's last computed availability per SKU and channel, so that shops polling a hot SKU do not run the
 * same statement thousands of times a second. A snapshot is dropped as soon as a change of its SKU's stock or
 * reservations commits on this node (the events the availability stream listens to), when a channel's rules
 * or a location change, at the earliest expiry of a hold it counts (from then on that hold no longer counts),
 * and after {@code throughline.inventory.availability-max-age} at the latest, which bounds how long a change
 * made on another node can go unseen here. Reads inside a transaction never use it: they may follow their own
 * uncommitted writes, which no snapshot holds.
 */
@Component
class AvailabilitySnapshots {

    /** A computed answer and the moment it stops being the answer. */
    record Snapshot(ChannelAvailability availability, Instant validUntil) {}

    /** Stamps per SKU (striped): a computation that a change overtook is not kept. */
    private static final int STRIPES = 1024;

    private final Clock clock;
    private final Duration maxAge;
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    private final Cache<String, Map<String, Snapshot>> bySku = Caffeine.newBuilder().maximumSize(50_000).build();

    AvailabilitySnapshots(Clock clock,
            @Value("${throughline.inventory.availability-max-age:PT1S}") Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * The SKU's availability for the channel: the snapshot while it holds, else {@code compute}'s answer, kept
     * until {@code nextExpiry} (the earliest expiry among the holds it counted) or the maximum age.
     */
    ChannelAvailability get(String sku, String channel, Computation compute) {
        if (maxAge.isZero() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return compute.run().availability();
        }
        Map<String, Snapshot> channels = bySku.get(sku, key -> new ConcurrentHashMap<>());
        Snapshot kept = channels.get(channel);
        Instant now = clock.instant();
        if (kept != null && now.isBefore(kept.validUntil())) {
            return kept.availability();
        }
        long stamp = stamps.get(stripe(sku));
        Computed computed = compute.run();
        Instant until = computed.availability().at().plus(maxAge);
        if (computed.nextExpiry() != null && computed.nextExpiry().isBefore(until)) {
            until = computed.nextExpiry();
        }
        if (stamps.get(stripe(sku)) == stamp) {
            channels.put(channel, new Snapshot(computed.availability(), until));
        }
        return computed.availability();
    }

    /** What one computation found, with the earliest expiry of the holds it counted, if any expires. */
    record Computed(ChannelAvailability availability, @Nullable Instant nextExpiry) {}

    @FunctionalInterface
    interface Computation {
        Computed run();
    }

    @EventListener
    void on(StockReserved reserved) {
        afterCommit(() -> forget(reserved.sku()));
    }

    @EventListener
    void on(ReservationReleased released) {
        afterCommit(() -> forget(released.sku()));
    }

    @EventListener
    void on(StockLevelChanged changed) {
        afterCommit(() -> forget(changed.sku()));
    }

    /** A channel's rules or a location's code changed: every snapshot may name it. */
    void forgetAllAfterCommit() {
        afterCommit(this::forgetAll);
    }

    private void forget(String sku) {
        stamps.incrementAndGet(stripe(sku));
        bySku.invalidate(sku);
    }

    private void forgetAll() {
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            stamps.incrementAndGet(stripe);
        }
        bySku.invalidateAll();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static int stripe(String sku) {
        return sku.hashCode() & (STRIPES - 1);
    }
}
