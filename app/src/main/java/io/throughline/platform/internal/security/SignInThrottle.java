package io.throughline.platform.internal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing: after {@code maxFailures} failed sign-ins for one account, or from one address,
 * within the window, further attempts are refused until the window has passed since the last failure.
 * Counting by account stops a spread-out attack on one person; counting by address stops one machine
 * trying many accounts.
 */
final class SignInThrottle {

    private final int maxFailures;
    private final Cache<String, AtomicInteger> failures;

    SignInThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    boolean isBlocked(String email, String address) {
        return count(accountKey(email)) >= maxFailures || count(addressKey(address)) >= maxFailures * 4;
    }

    void failed(String email, String address) {
        increment(accountKey(email));
        increment(addressKey(address));
    }

    void succeeded(String email) {
        failures.invalidate(accountKey(email));
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

    private static String accountKey(String email) {
        return "account:" + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
