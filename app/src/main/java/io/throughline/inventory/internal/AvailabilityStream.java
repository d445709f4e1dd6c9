package io.throughline.inventory.internal;

import io.throughline.catalog.Sku;
import io.throughline.inventory.Availability;
import io.throughline.inventory.ChannelAvailability;
import io.throughline.inventory.StockLevelChanged;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a channel's availability of the SKUs a subscriber watches whenever their stock or reservations change.
 * Changes are taken after their transaction commits (a subscriber never sees what was rolled back), coalesced
 * per SKU, and recomputed on one background thread so that writers never wait for slow subscribers.
 * Subscribers of this node hear of this node's changes; another node's changes reach them at the next change
 * or reconnect (documented in ARCHITECTURE.md).
 */
@Component
class AvailabilityStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityStream.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    record Subscriber(SseEmitter emitter, String channel, Set<String> skus) {}

    private final Availability availability;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean running;
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("inventory-availability-stream").daemon(true).factory());

    AvailabilityStream(Availability availability) {
        this.availability = availability;
    }

    SseEmitter subscribe(String channel, List<Sku> skus) {
        var emitter = new SseEmitter(TIMEOUT.toMillis());
        var subscriber = new Subscriber(emitter, channel,
                Set.copyOf(skus.stream().map(Sku::value).toList()));
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(failure -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        // The current figures first, so a subscriber needs no separate read to start from.
        for (String sku : subscriber.skus()) {
            if (!send(subscriber, availability.of(Sku.of(sku), channel))) {
                break;
            }
        }
        return emitter;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Ends every stream; their clients reconnect, to this node or another. */
    void closeAll() {
        for (Subscriber subscriber : subscribers) {
            subscribers.remove(subscriber);
            subscriber.emitter().complete();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Streams never finish by themselves, so they are ended before the web server waits for open requests. */
    @Override
    public void stop() {
        running = false;
        closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @EventListener
    void on(StockReserved reserved) {
        afterCommit(reserved.sku());
    }

    @EventListener
    void on(ReservationReleased released) {
        afterCommit(released.sku());
    }

    @EventListener
    void on(StockLevelChanged changed) {
        afterCommit(changed.sku());
    }

    /** A comment line now and then: it keeps proxies from closing an idle stream and finds dead subscribers. */
    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(subscriber);
            }
        }
    }

    private void afterCommit(String sku) {
        if (subscribers.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed(sku);
                }
            });
        } else {
            changed(sku);
        }
    }

    private void changed(String sku) {
        if (subscribers.stream().noneMatch(subscriber -> subscriber.skus().contains(sku))) {
            return;
        }
        pending.add(sku);
        if (drainScheduled.compareAndSet(false, true)) {
            fanOut.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        for (String sku : List.copyOf(pending)) {
            pending.remove(sku);
            Map<String, ChannelAvailability> byChannel = new HashMap<>();
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.skus().contains(sku)) {
                    continue;
                }
                try {
                    ChannelAvailability current = byChannel.computeIfAbsent(subscriber.channel(),
                            channel -> availability.of(Sku.of(sku), channel));
                    send(subscriber, current);
                } catch (RuntimeException failed) {
                    log.warn("Computing availability for the stream failed", failed);
                }
            }
        }
    }

    private boolean send(Subscriber subscriber, ChannelAvailability current) {
        try {
            subscriber.emitter().send(SseEmitter.event().name("availability")
                    .data(current, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            return false;
        }
    }
}
