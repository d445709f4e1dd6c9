package io.throughline.platform.internal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing without letting anyone lock a real user out. Failures are counted per address and
 * account together, and per address alone; never per account alone, since anyone can fail for someone else's
 * account from anywhere. So the machine guessing waits, and the account's owner, signing in from her own address,
 * does not. The window runs from the latest failure.
 */
final class SignInThrottle {

    private final int perAccountAndAddress;
    private final int perAddress;
    private final Cache<String, AtomicInteger> failures;

    SignInThrottle(int perAccountAndAddress, int perAddress, Duration window, Clock clock) {
        this.perAccountAndAddress = perAccountAndAddress;
        this.perAddress = perAddress;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    boolean isBlocked(String email, String address) {
        return count(pairKey(email, address)) >= perAccountAndAddress || count(addressKey(address)) >= perAddress;
    }

    void failed(String email, String address) {
        increment(pairKey(email, address));
        increment(addressKey(address));
    }

    void succeeded(String email, String address) {
        failures.invalidate(pairKey(email, address));
    }

    private int count(String key) {
        AtomicInteger count = failures.getIfPresent(key);
        return count == null ? 0 : count.get();
    }

    private void increment(String key) {
        // Re-inserting restarts the expiry: the window runs from the latest failure.
        AtomicInteger count = failures.get(key, unused -> new AtomicInteger());
        count.incrementAndGet();
        failures.put(key, count);
    }

    private static String pairKey(String email, String address) {
        return "pair:" + address + "|" + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
