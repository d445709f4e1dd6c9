package io.throughline.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Customers, their behaviour and segments for segment scenarios, made through the APIs. */
final class SegmentFixtures {

    private final int port;
    private final Admin admin;

    SegmentFixtures(int port) {
        this.port = port;
        this.admin = new Admin(port);
    }

    Api api() {
        return admin.api();
    }

    Admin admin() {
        return admin;
    }

    static String key(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String userId(String name) {
        return name + "-" + UUID.randomUUID();
    }

    /**
     * A customer as the web shop makes her, with her email and phone, the extra traits, and marketing consent on
     * the channels given; answers her profile id once her profile and consents are in.
     */
    String customer(String userId, Map<String, Object> extraTraits, String... consentedChannels) {
        Map<String, Object> consent = new LinkedHashMap<>();
        for (String channel : consentedChannels) {
            consent.put(channel, true);
        }
        Map<String, Object> traits = new LinkedHashMap<>(Map.of("firstName", "Kata", "email", userId + "@example.com",
                "phone", "+3630" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)),
                "timezone", "Europe/Budapest", "consent", Map.of("marketing", consent)));
        traits.putAll(extraTraits);
        var identified = web().send("identify", Api.json(Map.of("userId", userId, "traits", traits)));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);
        String profile = admin.profileOf("user_id:" + userId);
        await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/customers/" + profile).json()
                .get("consents").size() == consentedChannels.length);
        return profile;
    }

    void track(String userId, String event, Map<String, Object> properties) {
        var tracked = web().send("track", Api.json(Map.of("userId", userId, "event", event, "properties", properties)));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
    }

    JsonNode create(String definition) {
        var created = api().post("/api/segments", definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    List<String> members(String key) {
        var members = api().get("/api/segments/" + key + "/members?size=100");
        assertThat(members.status()).as(members.body()).isEqualTo(200);
        return members.json().get("items").valueStream().map(item -> item.get("profileId").asString()).toList();
    }

    JsonNode explanation(String key, String profile) {
        var explained = api().get("/api/segments/" + key + "/members/" + profile + "/explanation");
        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        return explained.json();
    }

    Collector web() {
        return new Collector(port, PlatformTest.WEB_WRITE_KEY);
    }
}
