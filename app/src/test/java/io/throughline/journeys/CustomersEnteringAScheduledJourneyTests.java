package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.PlatformTest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A journey scheduled daily at nine in Budapest enters the customers active on the web, at nine. */
@PlatformTest
class CustomersEnteringAScheduledJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    JourneyTimers timers;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void atNineTheWebShoppersOfTheLastDayEnterAndTheNextRunIsTheNextDay() {
        JourneyFixtures fixtures = new JourneyFixtures(port);
        String key = fixtures.activeJourney("""
                {"key": "%s", "name": "Morning digest",
                 "trigger": {"schedule": {"dailyAt": "09:00", "zone": "Europe/Budapest"},
                             "audience": {"channel": "web", "seenWithin": "1d"}},
                 "start": "done", "steps": {"done": {"type": "exit"}}}""".formatted(JourneyFixtures.key("digest")));
        String profile = fixtures.customer(JourneyFixtures.userId("nora"));
        ZoneId budapest = ZoneId.of("Europe/Budapest");
        var today = clock.instant().atZone(budapest);
        Instant nine = today.toLocalDate().atTime(LocalTime.of(9, 0)).atZone(budapest).toInstant();
        if (!nine.isAfter(clock.instant())) {
            nine = today.toLocalDate().plusDays(1).atTime(LocalTime.of(9, 0)).atZone(budapest).toInstant();
        }

        timers.fireDue(nine.minusSeconds(60));
        long before = entries(key, profile);
        timers.fireDue(nine.plusSeconds(1));

        assertThat(before).isZero();
        assertThat(entries(key, profile)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT next_run_at FROM journeys.schedule WHERE journey_key = ?").param(key)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(nine.plus(java.time.Duration.ofDays(1)));
    }

    private long entries(String key, String profile) {
        return jdbc.sql("SELECT count(*) FROM journeys.instance WHERE journey_key = ? AND profile_id = ?")
                .params(key, UUID.fromString(profile)).query(Long.class).single();
    }
}
