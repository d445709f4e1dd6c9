package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Canonical scenario, step 8: the shared dashboard shows conversion, average order value, cross-channel rate,
 * lifetime value and attribution across channels, for every team from the same numbers. The demo brand's orders,
 * placed through checkout on the web, in the app and at the tills over the last 150 days, are the data.
 */
@PlatformTest
class EveryTeamReadingTheSharedDashboardTests {

    @LocalServerPort
    int port;

    @Test
    void everyRoleReadsTheSameKpisAndAttributionAcrossChannels() {
        Admin admin = new Admin(port);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Up to the start of today, so that what other scenarios do today cannot move the numbers between reads.
        String period = "from=" + today.minusDays(180) + "&to=" + today;
        AtomicReference<String> settled = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String now = admin.api().get("/api/analytics/kpis?" + period).body();
            boolean same = now.equals(settled.get());
            settled.set(now);
            return same;
        });

        Map<String, String> byRole = List.of("MARKETER", "AGENT", "STORE_ASSOCIATE", "ANALYST").stream()
                .collect(Collectors.toMap(role -> role,
                        role -> Api.at(port).withToken(admin.tokenFor(role)).get("/api/analytics/kpis?" + period)
                                .body()));
        byRole.forEach((role, body) -> assertThat(body).as(role).isEqualTo(settled.get()));

        Map<String, JsonNode> kpis = admin.api().get("/api/analytics/kpis?" + period).json().valueStream()
                .collect(Collectors.toMap(kpi -> kpi.get("key").asString(), kpi -> kpi));
        for (String key : List.of("conversion-rate", "average-order-value", "cross-channel-rate", "cltv-historical",
                "cltv-predicted")) {
            assertThat(kpis.get(key).get("value").asDouble()).as(key).isPositive();
        }
        assertThat(kpis.get("average-order-value").get("currency").asString()).isEqualTo("HUF");

        JsonNode attribution = admin.api().get("/api/analytics/attribution?" + period + "&lookbackDays=30").json();
        assertThat(attribution.get("conversions").asLong()).isPositive();
        JsonNode lastTouch = attribution.get("credits").get("LAST_TOUCH");
        assertThat(lastTouch.propertyNames()).contains("web", "shop-budapest");
        assertThat(attribution.get("credits").get("MARKOV").size()).isGreaterThan(1);
    }
}
