package io.throughline.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A family tablet signed in as Eszter merged its anonymous history into hers; an admin undoes the merge
 * and the tablet's profile splits back out as it was, with what arrived through it since.
 */
@PlatformTest
class UndoingAMergeTests {

    @LocalServerPort
    int port;

    Admin admin;

    @BeforeEach
    void administrator() {
        admin = new Admin(port);
    }

    @Test
    void unmergeSplitsTheProfileBackByTheRecordedHistory() {
        String email = "eszter.unmerge." + UUID.randomUUID() + "@example.com";
        String tablet = "tablet-" + UUID.randomUUID();
        String device = "device-" + UUID.randomUUID();
        String eszter = admin.api().post("/api/customers", "{\"givenName\":\"Eszter\",\"email\":\"" + email + "\"}")
                .json().get("id").asString();
        web().send("track", "{\"anonymousId\":\"" + tablet + "\",\"event\":\"Product Viewed\"}");
        String tabletProfile = admin.profileOf("anonymous_id:" + tablet);
        web().send("identify", "{\"anonymousId\":\"" + tablet + "\",\"userId\":\"u-" + email + "\","
                + "\"traits\":{\"email\":\"" + email + "\"}}");
        assertThat(admin.profileOf("anonymous_id:" + tablet)).isEqualTo(eszter);
        // After the merge, the tablet keeps sending, now with its device id too.
        web().send("track", "{\"anonymousId\":\"" + tablet + "\",\"event\":\"Cart Viewed\","
                + "\"context\":{\"device\":{\"id\":\"" + device + "\"}}}");
        assertThat(admin.profileOf("device_id:" + device)).isEqualTo(eszter);
        JsonNode merge = admin.api().get("/api/customers/" + eszter).json().get("merges").get(0);

        var undone = admin.api().post("/api/customers/merges/" + merge.get("id").asString() + "/unmerge", "");

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.json().get("restoredId").asString()).isEqualTo(tabletProfile);
        assertThat(admin.profileOf("anonymous_id:" + tablet)).isEqualTo(tabletProfile);
        assertThat(admin.profileOf("device_id:" + device)).isEqualTo(tabletProfile);
        assertThat(admin.profileOf("email:" + email)).isEqualTo(eszter);
        assertThat(admin.profileOf("user_id:u-" + email)).isEqualTo(eszter);
        assertThat(admin.timelineLabels(tabletProfile)).contains("Product Viewed", "Cart Viewed").doesNotContain("identify");
        assertThat(admin.timelineLabels(eszter)).contains("identify").doesNotContain("Product Viewed", "Cart Viewed");
        assertThat(admin.api().get("/api/customers/" + eszter).json().get("merges").get(0).has("unmergedAt")).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                admin.api().get("/api/customers/" + tabletProfile).json().get("channels").get(0).get("events").asInt())
                .isEqualTo(2));
    }

    @Test
    void consentTheTabletBroughtToTheMergeGoesBackWithIt() {
        String userId = "consent-unmerge-" + UUID.randomUUID();
        String tablet = "tablet-" + UUID.randomUUID();
        web().send("identify", """
                {"userId": "%s", "timestamp": "2026-11-01T10:00:00Z",
                 "traits": {"consent": {"marketing": {"email": true}}}}""".formatted(userId));
        web().send("identify", """
                {"anonymousId": "%s", "timestamp": "2026-11-02T10:00:00Z",
                 "traits": {"consent": {"marketing": {"sms": true, "email": false}}}}""".formatted(tablet));
        String customer = admin.profileOf("user_id:" + userId);
        String tabletProfile = admin.profileOf("anonymous_id:" + tablet);
        await().atMost(Duration.ofSeconds(10)).until(() -> consents(tabletProfile).size() == 2);
        web().send("track", """
                {"userId": "%s", "anonymousId": "%s", "event": "Signed In"}""".formatted(userId, tablet));
        await().atMost(Duration.ofSeconds(10)).until(() -> consents(customer).size() == 2
                && !granted(consents(customer), "email"));
        String mergeId = admin.api().get("/api/customers/" + customer).json().get("merges").get(0).get("id")
                .asString();

        var undone = admin.api().post("/api/customers/merges/" + mergeId + "/unmerge", "");

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        JsonNode customerConsents = consents(customer);
        assertThat(customerConsents.size()).as(customerConsents.toString()).isEqualTo(1);
        assertThat(granted(customerConsents, "email")).isTrue();
        JsonNode tabletConsents = consents(tabletProfile);
        assertThat(tabletConsents.size()).isEqualTo(2);
        assertThat(granted(tabletConsents, "sms")).isTrue();
        assertThat(granted(tabletConsents, "email")).isFalse();
    }

    @Test
    void aMergeIsUndoneOnceAndOnlyByAnAdmin() {
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        web().send("track", "{\"anonymousId\":\"" + first + "\",\"event\":\"Visited\"}");
        web().send("track", "{\"userId\":\"" + second + "\",\"event\":\"Visited\"}");
        web().send("alias", "{\"previousId\":\"" + first + "\",\"userId\":\"" + second + "\"}");
        String survivor = admin.profileOf("user_id:" + second);
        String mergeId = admin.api().get("/api/customers/" + survivor).json().get("merges").get(0).get("id").asString();
        String agentToken = admin.tokenFor("AGENT");

        var byAgent = Api.at(port).withToken(agentToken).post("/api/customers/merges/" + mergeId + "/unmerge", "");
        var byAdmin = admin.api().post("/api/customers/merges/" + mergeId + "/unmerge", "");
        var again = admin.api().post("/api/customers/merges/" + mergeId + "/unmerge", "");
        var unknown = admin.api().post("/api/customers/merges/" + UUID.randomUUID() + "/unmerge", "");

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }

    private JsonNode consents(String profile) {
        return admin.api().get("/api/customers/" + profile).json().get("consents");
    }

    private static boolean granted(JsonNode consents, String channel) {
        return consents.valueStream().filter(consent -> consent.get("purpose").asString().equals("marketing")
                        && consent.get("channel").asString().equals(channel))
                .map(consent -> consent.get("granted").asBoolean()).findFirst().orElseThrow();
    }
}
