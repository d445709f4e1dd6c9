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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every channel's events resolve to one customer. */
@PlatformTest
class IdentityResolutionTests {

    @LocalServerPort
    int port;

    Admin admin;

    @BeforeEach
    void administrator() {
        admin = new Admin(port);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousShopperWhoSignsInBringsHerBrowsingToHerProfile() {
        String phone = "anon-phone-" + UUID.randomUUID();
        String laptop = "anon-laptop-" + UUID.randomUUID();
        String email = "eszter." + UUID.randomUUID() + "@example.com";
        var known = admin.api().post("/api/customers", "{\"givenName\":\"Eszter\",\"email\":\"" + email + "\"}").json();
        web().send("track", "{\"anonymousId\":\"" + phone + "\",\"event\":\"Product Viewed\"}");
        web().send("track", "{\"anonymousId\":\"" + laptop + "\",\"event\":\"Product Viewed\"}");

        web().send("identify", "{\"anonymousId\":\"" + phone + "\",\"userId\":\"u-" + email + "\","
                + "\"traits\":{\"email\":\"" + email.toUpperCase() + "\"}}");
        web().send("identify", "{\"anonymousId\":\"" + laptop + "\",\"userId\":\"u-" + email + "\"}");

        String profileId = known.get("id").asString();
        assertThat(admin.profileOf("anonymous_id:" + phone)).isEqualTo(profileId);
        assertThat(admin.profileOf("anonymous_id:" + laptop)).isEqualTo(profileId);
        JsonNode overview = admin.api().get("/api/customers/" + profileId).json();
        assertThat(overview.get("identities").valueStream().map(identity -> identity.get("type").asString()))
                .contains("email", "user_id", "anonymous_id");
        assertThat(overview.get("merges").size()).isEqualTo(2);
        assertThat(admin.timelineLabels(profileId)).contains("Product Viewed", "identify", "Profiles Merged");
        assertThat(jdbc.sql("SELECT count(*) FROM events.event WHERE profile_id <> ? AND message_id IN "
                + "(SELECT message_id FROM events.event WHERE resolved_profile_id IN "
                + "(SELECT merged_id FROM customers.merge WHERE survivor_id = ?))")
                .params(UUID.fromString(profileId), UUID.fromString(profileId)).query(Long.class).single()).isZero();
    }

    @Test
    void theOlderProfileSurvivesAMerge() {
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        web().send("track", "{\"anonymousId\":\"" + first + "\",\"event\":\"Visited\"}");
        String older = admin.profileOf("anonymous_id:" + first);
        web().send("track", "{\"userId\":\"" + second + "\",\"event\":\"Visited\"}");

        web().send("alias", "{\"previousId\":\"" + first + "\",\"userId\":\"" + second + "\"}");

        assertThat(admin.profileOf("user_id:" + second)).isEqualTo(older);
        var merge = admin.api().get("/api/customers/" + older).json().get("merges").get(0);
        assertThat(merge.get("survivorId").asString()).isEqualTo(older);
        assertThat(merge.get("cause").asString()).contains("user_id", "anonymous_id");
    }

    @Test
    void blockedValuesNeverJoinStrangers() {
        String one = "u-" + UUID.randomUUID();
        String two = "u-" + UUID.randomUUID();

        web().send("track", "{\"userId\":\"" + one + "\",\"anonymousId\":\"undefined\",\"event\":\"A\"}");
        web().send("track", "{\"userId\":\"" + two + "\",\"anonymousId\":\"00000000-0000-0000-0000-000000000000\","
                + "\"event\":\"B\"}");
        web().send("track", "{\"userId\":\"" + two + "\",\"anonymousId\":\"undefined\",\"event\":\"C\"}");

        assertThat(admin.profileOf("user_id:" + one)).isNotEqualTo(admin.profileOf("user_id:" + two));
        assertThat(admin.api().get("/api/customers?identity=anonymous_id:undefined").json().get("totalItems").asInt())
                .isZero();
    }

    @Test
    void aSharedDeviceDoesNotMergeTwoSignedInCustomers() {
        String device = "kiosk-" + UUID.randomUUID();
        String anna = "anna-" + UUID.randomUUID();
        String bela = "bela-" + UUID.randomUUID();
        web().send("identify", "{\"userId\":\"" + anna + "\",\"context\":{\"device\":{\"id\":\"" + device + "\"}}}");

        var response = web().send("identify", "{\"userId\":\"" + bela + "\",\"context\":{\"device\":{\"id\":\""
                + device + "\"}}}");

        assertThat(response.status()).isEqualTo(200);
        String annasProfile = admin.profileOf("user_id:" + anna);
        String belasProfile = admin.profileOf("user_id:" + bela);
        assertThat(annasProfile).isNotEqualTo(belasProfile);
        assertThat(jdbc.sql("SELECT type FROM customers.identity_conflict WHERE value = ?")
                .param(device).query(String.class).list()).containsExactly("device_id");
        assertThat(admin.profileOf("device_id:" + device)).isEqualTo(annasProfile);
        assertThat(admin.timelineLabels(belasProfile)).contains("identify");
    }

    @Test
    void aLateEventDoesNotOverwriteANewerTrait() {
        String userId = "traits-" + UUID.randomUUID();
        web().send("identify", "{\"userId\":\"" + userId + "\",\"timestamp\":\"2026-11-20T10:00:00Z\","
                + "\"traits\":{\"plan\":\"gold\",\"city\":\"Tokaj\"}}");
        web().send("identify", "{\"userId\":\"" + userId + "\",\"timestamp\":\"2026-11-01T10:00:00Z\","
                + "\"traits\":{\"plan\":\"silver\",\"firstName\":\"Béla\"}}");

        String profile = admin.profileOf("user_id:" + userId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode traits = admin.api().get("/api/customers/" + profile).json().get("traits");
            assertThat(traitValue(traits, "plan")).isEqualTo("gold");
            assertThat(traitValue(traits, "city")).isEqualTo("Tokaj");
            assertThat(traitValue(traits, "firstName")).isEqualTo("Béla");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> "Béla".equals(
                admin.api().get("/api/customers/" + profile).json().get("profile").path("givenName").asString()));
    }

    @Test
    void channelsUsedAreKeptPerChannel() {
        String userId = "channels-" + UUID.randomUUID();
        web().send("track", "{\"userId\":\"" + userId + "\",\"event\":\"Viewed\",\"timestamp\":\"2026-11-02T09:00:00Z\"}");
        web().send("track", "{\"userId\":\"" + userId + "\",\"event\":\"Viewed\",\"timestamp\":\"2026-11-03T09:00:00Z\"}");

        String profile = admin.profileOf("user_id:" + userId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode channel = admin.api().get("/api/customers/" + profile).json().get("channels").get(0);
            assertThat(channel.get("channel").asString()).isEqualTo("web");
            assertThat(channel.get("events").asInt()).isEqualTo(2);
            assertThat(channel.get("firstSeenAt").asString()).startsWith("2026-11-02T09:00");
            assertThat(channel.get("lastSeenAt").asString()).startsWith("2026-11-03T09:00");
        });
        assertThat(idsListed("?channel=web&seenSince=2026-11-03T00:00:00Z&size=200&q=")).contains(profile);
        assertThat(idsListed("?channel=shop-tokaj&size=200")).doesNotContain(profile);
        assertThat(idsListed("?channel=web&seenSince=2026-11-04T00:00:00Z&size=200")).doesNotContain(profile);
    }

    private List<String> idsListed(String query) {
        return admin.api().get("/api/customers" + query).json().get("items").valueStream()
                .map(item -> item.get("id").asString()).toList();
    }

    @Test
    void timelineIsPagedByCursorAndFiltered() {
        String userId = "timeline-" + UUID.randomUUID();
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 7; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"").append(userId)
                    .append("\",\"event\":\"").append(i % 2 == 0 ? "Even" : "Odd").append("\"}");
        }
        web().send("batch", batch.append("]}").toString());
        String profile = admin.profileOf("user_id:" + userId);

        JsonNode first = admin.api().get("/api/customers/" + profile + "/timeline?limit=3").json();
        JsonNode second = admin.api().get("/api/customers/" + profile + "/timeline?limit=3&cursor="
                + first.get("nextCursor").asString()).json();
        JsonNode third = admin.api().get("/api/customers/" + profile + "/timeline?limit=3&cursor="
                + second.get("nextCursor").asString()).json();
        JsonNode odd = admin.api().get("/api/customers/" + profile + "/timeline?event=Odd").json();

        List<Long> seqs = new java.util.ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("items").forEach(item -> seqs.add(item.get("seq").asLong()));
        }
        assertThat(seqs).hasSize(7).isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
        assertThat(third.has("nextCursor")).isFalse();
        assertThat(odd.get("items").size()).isEqualTo(3);
        assertThat(admin.api().get("/api/customers/" + profile + "/timeline?cursor=abc").status()).isEqualTo(400);
    }

    private static String traitValue(JsonNode traits, String name) {
        return traits.valueStream().filter(trait -> trait.get("name").asString().equals(name))
                .map(trait -> trait.get("value").asString()).findFirst().orElse(null);
    }

    private Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }
}
