package io.throughline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the tests ask of the platform as its first administrator, through the management API. */
public final class Admin {

    private final Api api;

    public Admin(int port) {
        this.api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    public Api api() {
        return api;
    }

    /**
     * The id of the profile holding an identifier such as {@code user_id:u-1}, once identity resolution has
     * committed it.
     */
    public String profileOf(String identity) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/customers?identity=" + identity)
                .json().get("totalItems").asInt() == 1);
        return api.get("/api/customers?identity=" + identity).json().get("items").get(0).get("id").asString();
    }

    /** The labels of the profile's events, newest first. */
    public List<String> timelineLabels(String profileId) {
        return api.get("/api/customers/" + profileId + "/timeline?limit=200").json().get("items").valueStream()
                .map(item -> item.get("label").asString()).toList();
    }

    /** A new member of staff in the role, and an API token of hers. */
    public String tokenFor(String role) {
        var staff = api.post("/api/staff", Api.json(Map.of("email", role.toLowerCase() + "-" + System.nanoTime()
                + "@throughline.test", "displayName", "Test " + role, "role", role,
                "password", "long-enough-password")));
        assertThat(staff.status()).as(staff.body()).isEqualTo(201);
        var token = api.post("/api/staff/" + staff.json().get("id").asString() + "/tokens", "{\"name\":\"test\"}");
        assertThat(token.status()).isEqualTo(201);
        return token.json().get("token").asString();
    }
}
