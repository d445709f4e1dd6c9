package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.throughline.journeys.JourneyEntrants;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Twelve customers enter a journey whose split holds half of them out. The first six order within the window after
 * entering, one of the others ordered only before she entered; the lift is the treated group's conversion minus the
 * held-out group's, as the split fell, with its 95 % interval around it.
 */
@PlatformTest
class MarketerMeasuringAJourneysLiftTests {

    @LocalServerPort
    int port;

    @Autowired
    JourneyEntrants entrants;

    @Test
    void theLiftIsTheTreatedConversionOverTheHeldOutOnes() {
        Admin admin = new Admin(port);
        Api marketer = Api.at(port).withToken(admin.tokenFor("MARKETER"));
        Collector web = new Collector(port, PlatformTest.WEB_WRITE_KEY);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = "lift-" + run;
        var created = admin.api().post("/api/journeys", """
                {"key": "%s", "name": "Lift check", "trigger": {"api": true}, "start": "split",
                 "steps": {"split": {"type": "random_split", "branches": [{"percent": 50, "next": "done"},
                                                                          {"percent": 50, "control": true}]},
                           "done": {"type": "exit"}}}""".formatted(key));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(admin.api().post("/api/journeys/" + key + "/activate", "").status()).isEqualTo(200);

        List<String> users = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add("lift-" + i + "-" + run);
            events.add(Api.json(Map.of("type", "identify", "userId", users.get(i), "traits", Map.of("firstName", "L"))));
        }
        events.add(order(users.get(11), Instant.now().minus(Duration.ofHours(1)), "before-" + run));
        var identified = web.send("batch", "{\"batch\":[" + String.join(",", events) + "]}");
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        List<UUID> profiles = new ArrayList<>();
        for (String user : users) {
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.api()
                    .get("/api/customers?identity=user_id:" + user).json().get("totalItems").asInt() == 1);
            UUID profile = UUID.fromString(admin.profileOf("user_id:" + user));
            profiles.add(profile);
            var entered = admin.api().post("/api/journeys/" + key + "/entries", "{\"profileId\":\"" + profile + "\"}");
            assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        }
        List<String> orders = new ArrayList<>();
        Instant after = Instant.now().plusSeconds(1);
        for (int i = 0; i < 6; i++) {
            orders.add(order(users.get(i), after, "after-" + i + "-" + run));
        }
        assertThat(web.send("batch", "{\"batch\":[" + String.join(",", orders) + "]}").status())
                .isEqualTo(200);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<JourneyEntrants.Entrant> entered = entrants.entered(key, Instant.EPOCH, Instant.now().plusSeconds(60), 100);
        long heldOut = entered.stream().filter(JourneyEntrants.Entrant::heldOut).count();
        long heldOutConverted = entered.stream().filter(entrant -> entrant.heldOut()
                && profiles.indexOf(entrant.profileId()) < 6).count();
        long treatedConverted = entered.stream().filter(entrant -> !entrant.heldOut()
                && profiles.indexOf(entrant.profileId()) < 6).count();
        assertThat(entered).hasSize(12);
        assertThat(heldOut).as("the split holds some out and treats others").isBetween(1L, 11L);
        String path = "/api/analytics/journeys/" + key + "/lift?from=" + today + "&to=" + today.plusDays(1)
                + "&windowDays=7&currency=SEK";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode lift = marketer.get(path).json();
            return lift.get("treatedConverted").asLong() + lift.get("heldOutConverted").asLong() == 6;
        });

        JsonNode lift = Api.at(port).withToken(admin.tokenFor("ANALYST")).get(path).json();

        assertThat(lift.get("treated").asLong()).isEqualTo(12 - heldOut);
        assertThat(lift.get("heldOut").asLong()).isEqualTo(heldOut);
        assertThat(lift.get("treatedConverted").asLong()).isEqualTo(treatedConverted);
        assertThat(lift.get("heldOutConverted").asLong()).isEqualTo(heldOutConverted);
        double treatedRate = (double) treatedConverted / (12 - heldOut);
        double heldOutRate = (double) heldOutConverted / heldOut;
        assertThat(lift.get("lift").asDouble()).isCloseTo(treatedRate - heldOutRate, within(1e-12));
        assertThat(lift.get("low").asDouble()).isLessThanOrEqualTo(lift.get("lift").asDouble())
                .isGreaterThanOrEqualTo(-1);
        assertThat(lift.get("high").asDouble()).isGreaterThanOrEqualTo(lift.get("lift").asDouble())
                .isLessThanOrEqualTo(1);

        assertThat(marketer.get("/api/analytics/journeys/no-such-" + run + "/lift").status()).isEqualTo(404);
        var badWindow = marketer.get("/api/analytics/journeys/" + key + "/lift?windowDays=0");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().get("errors").get(0).get("field").asString()).isEqualTo("windowDays");
    }

    private static String order(String user, Instant at, String id) {
        return Api.json(Map.of("type", "track", "userId", user, "event", "Order Completed", "timestamp", at.toString(),
                "properties", Map.of("order_id", id, "revenue", "25.00", "currency", "SEK")));
    }
}
