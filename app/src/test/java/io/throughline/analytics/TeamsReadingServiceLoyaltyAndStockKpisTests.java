package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.throughline.inventory.MovementKind;
import io.throughline.inventory.StockLevelChanged;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * April 2018, counted by hand, for the teams beside marketing. Service cases (times UTC, the tests' brand zone):
 *
 * <pre>
 * case 1  Piroska  started 2 Apr 10:00, answered 10:30, resolved 12:00                      FCR
 * case 2  Quirin   started 5 Apr 09:00, answered 11:00, resolved 13:00, resolved again 6 Apr  not FCR (twice)
 * case 3  Quirin   started 8 Apr 09:00, answered 09:15, open                                  (within 7 days of case 2)
 * case 4  Piroska  started 20 Apr 08:00, answered 08:45, resolved 10:00                     FCR
 * </pre>
 *
 * First response: (30 + 120 + 15 + 45) / 4 min = 3,150 s; handling: (2 + 4 + 2) / 3 h = 9,600 s; first-contact
 * resolution 2 of 3. Satisfaction scores 5, 4, 2, 3, 5 (and a 9, no score): 3 of 5. Points: Piroska earns 100 on 2 Apr
 * (balance 100) and spends 40 on 10 Apr (60), Quirin earns 250 on 5 Apr (balance 250 after 50 in March), Rozália earned
 * 20 in March and nothing since: issued 350, redeemed 40, owed at the end 60 + 250 + 20 = 330, active members 2.
 * Time to relevance, in a channel of its own: Tamás's first activity 3 Apr 10:00, first send 12:00 (2 h); Ubul's 4 Apr
 * 09:00, first send 6 Apr 09:00 (48 h); Vilma is sent nothing: mean 25 h = 90,000 s. Stock: SKU A known from 1 Apr,
 * out from 11 to 21 Apr (240 of 720 h); SKU B known from 16 Apr, out from 26 Apr on (120 of 360 h): 360 / 1,080.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsReadingServiceLoyaltyAndStockKpisTests {

    private static final String APRIL = "from=2018-04-01&to=2018-05-01";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    private Api analyst;
    private String relevance;
    private final String run = Long.toString(System.nanoTime(), 36);

    @BeforeAll
    void aMonthOfCasesPointsAndShelves() {
        Admin admin = new Admin(port);
        analyst = Api.at(port).withToken(admin.tokenFor("ANALYST"));
        String service = "svc-" + run;
        relevance = "ttr-" + run;
        Collector serviceSource = source(admin.api(), service, "CONTACT_CENTRE");
        Collector relevanceSource = source(admin.api(), relevance, "WEB");

        String case1 = UUID.randomUUID().toString();
        String case2 = UUID.randomUUID().toString();
        String case3 = UUID.randomUUID().toString();
        String case4 = UUID.randomUUID().toString();
        List<String> events = new ArrayList<>(List.of(
                caseEvent("P", "Conversation Started", case1, "2018-04-02T10:00:00Z"),
                caseEvent("P", "Message Sent", case1, "2018-04-02T10:30:00Z"),
                caseEvent("P", "Conversation Resolved", case1, "2018-04-02T12:00:00Z"),
                caseEvent("Q", "Conversation Started", case2, "2018-04-05T09:00:00Z"),
                caseEvent("Q", "Message Sent", case2, "2018-04-05T11:00:00Z"),
                caseEvent("Q", "Conversation Resolved", case2, "2018-04-05T13:00:00Z"),
                caseEvent("Q", "Conversation Resolved", case2, "2018-04-06T10:00:00Z"),
                caseEvent("Q", "Conversation Started", case3, "2018-04-08T09:00:00Z"),
                caseEvent("Q", "Message Sent", case3, "2018-04-08T09:15:00Z"),
                caseEvent("P", "Conversation Started", case4, "2018-04-20T08:00:00Z"),
                caseEvent("P", "Message Sent", case4, "2018-04-20T08:45:00Z"),
                caseEvent("P", "Conversation Resolved", case4, "2018-04-20T10:00:00Z"),
                points("P", "Points Earned", 100, 100, "2018-04-02T12:30:00Z"),
                points("P", "Points Redeemed", 40, 60, "2018-04-10T15:00:00Z"),
                points("Q", "Points Earned", 50, 50, "2018-03-20T10:00:00Z"),
                points("Q", "Points Earned", 250, 250, "2018-04-05T14:00:00Z"),
                points("R", "Points Earned", 20, 20, "2018-03-15T10:00:00Z"),
                points("P", "Points Earned", 10, 70, "2018-05-03T10:00:00Z")));
        int[] scores = {5, 4, 2, 3, 5, 9};
        for (int i = 0; i < scores.length; i++) {
            events.add(track("S" + i, "Satisfaction Rated", "2018-04-1" + i + "T10:00:00Z",
                    Map.of("score", scores[i])));
        }
        var sent = serviceSource.send("batch", "{\"batch\":[" + String.join(",", events) + "]}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        var relevant = relevanceSource.send("batch", "{\"batch\":[" + String.join(",", List.of(
                page("T", "2018-04-03T10:00:00Z"), track("T", "Message Sent", "2018-04-03T12:00:00Z", Map.of()),
                track("T", "Message Sent", "2018-04-04T12:00:00Z", Map.of()),
                page("U", "2018-04-04T09:00:00Z"), track("U", "Message Sent", "2018-04-06T09:00:00Z", Map.of()),
                // A page view may come without a name; it counts as activity like any other.
                unnamedPage("V", "2018-04-07T09:00:00Z"))) + "]}");
        assertThat(relevant.status()).as(relevant.body()).isEqualTo(200);

        String skuA = "KPI-A-" + run;
        String skuB = "KPI-B-" + run;
        UUID shelf = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            publisher.publishEvent(level(skuA, shelf, 5, "2018-04-01T00:00:00Z"));
            publisher.publishEvent(level(skuA, shelf, 0, "2018-04-11T00:00:00Z"));
            publisher.publishEvent(level(skuA, shelf, 6, "2018-04-21T00:00:00Z"));
            publisher.publishEvent(level(skuB, shelf, 2, "2018-04-16T00:00:00Z"));
            publisher.publishEvent(level(skuB, shelf, 0, "2018-04-26T00:00:00Z"));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> kpi("csat", "").get("denominator").asDouble() == 5
                && kpi("time-to-relevance", relevance).get("denominator").asDouble() == 2
                && kpi("stock-out-rate", "").get("denominator").asDouble() == 1_080 * 3600.0);
    }

    @Test
    void serviceIsMeasuredFromItsCasesTimings() {
        assertThat(kpi("first-response-time", "").get("value").asDouble()).isEqualTo(3_150);
        assertThat(kpi("handling-time", "").get("value").asDouble()).isEqualTo(9_600);
        assertThat(kpi("first-contact-resolution", "").get("value").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(kpi("csat", "").get("value").asDouble()).isEqualTo(0.6);
    }

    @Test
    void loyaltyIsMeasuredFromThePointsMoved() {
        assertThat(kpi("points-issued", "").get("value").asDouble()).isEqualTo(350);
        assertThat(kpi("points-redeemed", "").get("value").asDouble()).isEqualTo(40);
        assertThat(kpi("points-liability", "").get("value").asDouble()).isEqualTo(330);
        assertThat(kpi("active-members", "").get("value").asDouble()).isEqualTo(2);
    }

    @Test
    void shelvesAndRelevanceAreMeasuredInTime() {
        assertThat(kpi("stock-out-rate", "").get("value").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        JsonNode relevant = kpi("time-to-relevance", relevance);
        assertThat(relevant.get("value").asDouble()).isEqualTo(90_000);
        assertThat(relevant.get("unit").asString()).isEqualTo("DURATION");
        assertThat(relevant.get("formula").asString()).endsWith(".");
    }

    private JsonNode kpi(String key, String channel) {
        var answer = analyst.get("/api/analytics/kpis/" + key + "?" + APRIL
                + (channel.isEmpty() ? "" : "&channel=" + channel));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static StockLevelChanged level(String sku, UUID location, int onHand, String at) {
        return new StockLevelChanged(sku, location, MovementKind.COUNT, onHand, onHand, Instant.parse(at));
    }

    private Collector source(Api admin, String channel, String type) {
        var source = admin.post("/api/sources", Api.json(Map.of("name", channel, "channel", channel,
                "channelType", type, "trust", "SERVER")));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        var key = admin.post("/api/sources/" + source.json().get("id").asString() + "/write-keys", "").json();
        return new Collector(port, key.get("writeKey").asString());
    }

    private String user(String who) {
        return "ops-" + who + "-" + run;
    }

    private String caseEvent(String who, String event, String conversation, String at) {
        return track(who, event, at, Map.of("conversation_id", conversation, "medium", "phone"));
    }

    private String points(String who, String event, long points, long balance, String at) {
        return track(who, event, at, Map.of("points", points, "balance", balance));
    }

    private String track(String who, String event, String at, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "track", "userId", user(who), "event", event,
                "timestamp", at));
        body.put("properties", properties);
        return Api.json(body);
    }

    private String page(String who, String at) {
        return Api.json(Map.of("type", "page", "userId", user(who), "name", "Wines", "timestamp", at));
    }

    private String unnamedPage(String who, String at) {
        return Api.json(Map.of("type", "page", "userId", user(who), "timestamp", at));
    }
}
