package io.throughline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ConsentAndAccessAuditTests {

    @LocalServerPort
    int port;

    Admin admin;

    @BeforeEach
    void administrator() {
        admin = new Admin(port);
    }

    @Test
    void consentStatedInIdentifyTraitsIsKeptPerPurposeAndChannelLatestFirst() {
        String userId = "consent-" + UUID.randomUUID();
        web().send("identify", """
                {"userId": "%s", "timestamp": "2026-11-20T08:00:00Z",
                 "traits": {"consent": {"marketing": {"email": true, "sms": false}, "spying": {"email": true}}}}"""
                .formatted(userId));
        web().send("identify", """
                {"userId": "%s", "timestamp": "2026-11-10T08:00:00Z",
                 "traits": {"consent": {"marketing": {"email": false}}}}""".formatted(userId));
        String profile = admin.profileOf("user_id:" + userId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode consents = admin.api().get("/api/customers/" + profile).json().get("consents");
            assertThat(consents.size()).isEqualTo(2);
            assertThat(granted(consents, "marketing", "email")).isTrue();
            assertThat(granted(consents, "marketing", "sms")).isFalse();
        });
    }

    @Test
    void staffRecordConsentGivenOnThePhone() {
        String profile = admin.api().post("/api/customers", "{\"givenName\":\"Phone\",\"familyName\":\"Caller\"}")
                .json().get("id").asString();

        var recorded = admin.api().put("/api/customers/" + profile + "/consent",
                "{\"purpose\":\"marketing\",\"channel\":\"phone\",\"granted\":true}");
        var unknownPurpose = admin.api().put("/api/customers/" + profile + "/consent",
                "{\"purpose\":\"spying\",\"channel\":\"phone\",\"granted\":true}");

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().get(0).get("source").asString()).startsWith("staff:");
        assertThat(unknownPurpose.status()).isEqualTo(400);
        assertThat(unknownPurpose.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
    }

    @Test
    void everyStaffReadOfPersonalDataIsAudited() {
        String profile = admin.api().post("/api/customers", "{\"givenName\":\"Audited\",\"email\":\"audited-"
                + UUID.randomUUID() + "@example.com\"}").json().get("id").asString();
        var agent = Api.at(port).withToken(admin.tokenFor("AGENT"));
        String agentId = agent.get("/api/me").json().get("id").asString();

        agent.get("/api/customers/" + profile);
        agent.get("/api/customers/" + profile + "/timeline");

        JsonNode log = admin.api().get("/api/privacy/access-log?profileId=" + profile).json();
        assertThat(log.valueStream().filter(access -> access.get("staffId").asString().equals(agentId))
                .map(access -> access.get("action").asString())).containsExactly("timeline", "profile");
        assertThat(Api.at(port).withToken(admin.tokenFor("ANALYST")).get("/api/privacy/access-log?profileId=" + profile)
                .status()).isEqualTo(403);
    }

    private static boolean granted(JsonNode consents, String purpose, String channel) {
        return consents.valueStream().filter(consent -> consent.get("purpose").asString().equals(purpose)
                        && consent.get("channel").asString().equals(channel))
                .map(consent -> consent.get("granted").asBoolean()).findFirst().orElseThrow();
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }
}
