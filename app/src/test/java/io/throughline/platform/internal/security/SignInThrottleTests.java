package io.throughline.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();
    final SignInThrottle throttle = new SignInThrottle(3, 12, Duration.ofMinutes(15), clock);

    @Test
    void oneAddressGuessingOneAccountWaitsAfterTheAllowedFailures() {
        throttle.failed("eva@example.com", "203.0.113.9");
        throttle.failed("eva@example.com", "203.0.113.9");
        assertThat(throttle.isBlocked("eva@example.com", "203.0.113.9")).isFalse();

        throttle.failed("EVA@example.com ", "203.0.113.9");

        assertThat(throttle.isBlocked("eva@example.com", "203.0.113.9")).isTrue();
        assertThat(throttle.isBlocked("someone.else@example.com", "203.0.113.9")).isFalse();
    }

    @Test
    void strangersFailingForHerAccountElsewhereNeverLockHerOut() {
        for (int i = 0; i < 11; i++) {
            throttle.failed("eva@example.com", "203.0.113." + i);
        }

        assertThat(throttle.isBlocked("eva@example.com", "198.51.100.1")).isFalse();
    }

    @Test
    void blockLiftsWhenTheWindowHasPassedSinceTheLastFailure() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("eva@example.com", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.isBlocked("eva@example.com", "10.0.0.1")).isTrue();

        clock.advance(Duration.ofMinutes(2));

        assertThat(throttle.isBlocked("eva@example.com", "10.0.0.1")).isFalse();
    }

    @Test
    void oneAddressTryingManyAccountsIsBlocked() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("user" + i + "@example.com", "203.0.113.9");
        }

        assertThat(throttle.isBlocked("fresh@example.com", "203.0.113.9")).isTrue();
        assertThat(throttle.isBlocked("fresh@example.com", "198.51.100.1")).isFalse();
    }

    @Test
    void successClearsTheFailuresOfThatAccountFromThatAddress() {
        throttle.failed("eva@example.com", "10.0.0.1");
        throttle.failed("eva@example.com", "10.0.0.1");
        throttle.succeeded("eva@example.com", "10.0.0.1");
        throttle.failed("eva@example.com", "10.0.0.1");

        assertThat(throttle.isBlocked("eva@example.com", "10.0.0.1")).isFalse();
    }
}
