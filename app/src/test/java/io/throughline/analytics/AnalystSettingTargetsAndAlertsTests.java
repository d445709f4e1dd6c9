package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The analyst sets the band orders should stay in, higher than any week could reach; the check of the week just ended
 * raises one alert for it, which a second check does not repeat, and which she acknowledges. Bands that cannot hold
 * anything are refused at their field.
 */
@PlatformTest
class AnalystSettingTargetsAndAlertsTests {

    @LocalServerPort
    int port;

    @Test
    void aKpiOutsideItsBandRaisesOneAlertAWeek() {
        Admin admin = new Admin(port);
        Api analyst = Api.at(port).withToken(admin.tokenFor("ANALYST"));

        var set = analyst.put("/api/analytics/targets/orders",
                Api.json(Map.of("low", 1e12, "keyMetric", true)));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("keyMetric").asBoolean()).isTrue();
        assertThat(set.json().get("unit").asString()).isEqualTo("COUNT");
        assertThat(analyst.get("/api/analytics/targets").json().valueStream()
                .map(target -> target.get("kpi").asString())).contains("orders");

        var checked = analyst.post("/api/analytics/alerts/check", "");
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        JsonNode alert = openAlert(analyst);
        assertThat(alert).as("an open alert for orders").isNotNull();
        assertThat(alert.get("low").asDouble()).isEqualTo(1e12);
        assertThat(alert.get("value").asDouble()).isLessThan(1e12);
        var again = analyst.post("/api/analytics/alerts/check", "").json();
        assertThat(again.valueStream().map(raised -> raised.get("kpi").asString())).doesNotContain("orders");

        var acknowledged = analyst.post("/api/analytics/alerts/" + alert.get("id").asString() + "/acknowledge", "");
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().get("acknowledgedAt").isNull()).isFalse();
        assertThat(openAlert(analyst)).isNull();

        assertThat(analyst.delete("/api/analytics/targets/orders").status()).isEqualTo(204);
        assertThat(analyst.delete("/api/analytics/targets/orders").status()).isEqualTo(404);
    }

    @Test
    void bandsThatCannotHoldAreRefusedAtTheirField() {
        Admin admin = new Admin(port);
        Api analyst = Api.at(port).withToken(admin.tokenFor("ANALYST"));

        assertField(analyst.put("/api/analytics/targets/conversion-rate", Api.json(Map.of("low", 0.5, "high", 0.2))),
                "high");
        assertField(analyst.put("/api/analytics/targets/conversion-rate", Api.json(Map.of("low", 2))), "low");
        assertField(analyst.put("/api/analytics/targets/conversion-rate", "{}"), "low");
        assertThat(analyst.put("/api/analytics/targets/happiness", Api.json(Map.of("low", 1))).status())
                .isEqualTo(404);
        assertThat(Api.at(port).withToken(admin.tokenFor("AGENT"))
                .put("/api/analytics/targets/revenue", Api.json(Map.of("low", 1))).status()).isEqualTo(403);
    }

    private static JsonNode openAlert(Api analyst) {
        return analyst.get("/api/analytics/alerts?open=true").json().valueStream()
                .filter(alert -> alert.get("kpi").asString().equals("orders")).findFirst().orElse(null);
    }

    private static void assertField(Api.Response refused, String field) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
