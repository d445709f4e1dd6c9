package io.throughline.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A browser's write key is public: anyone can read it from the web shop's page. With it, a stranger sends an
 * identify call naming a known customer's email, with her own name, phone, email and consent. The customer is
 * not taken over: the stranger's events stay on a profile of their own, and the customer's contact points and
 * consent are as she left them. Only a user id the brand's server signed joins her.
 */
@PlatformTest
class StrangerHoldingABrowserWriteKeyTests {

    @LocalServerPort
    int port;

    private Admin admin;
    private Api api;
    private String sourceId;
    private Collector browser;

    @BeforeEach
    void aBrowserSourceOfItsOwn() {
        admin = new Admin(port);
        api = admin.api();
        String channel = "web-" + UUID.randomUUID().toString().substring(0, 8);
        var source = api.post("/api/sources", Api.json(Map.of("name", "Web shop " + channel, "channel", channel,
                "channelType", "WEB")));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        assertThat(source.json().get("trust").asString()).isEqualTo("CLIENT");
        sourceId = source.json().get("id").asString();
        var key = api.post("/api/sources/" + sourceId + "/write-keys", "");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        browser = new Collector(port, key.json().get("writeKey").asString());
    }

    @Test
    void anIdentifyNamingHerEmailNeitherJoinsNorRewritesHerNorChangesHerConsent() {
        String email = "anna-" + UUID.randomUUID() + "@example.com";
        String userId = "cust-" + UUID.randomUUID();
        String anna = knownCustomer(userId, email, uniquePhone());
        String attacker = "attacker-" + UUID.randomUUID();

        var sent = browser.send("identify", Api.json(Map.of("anonymousId", attacker, "traits", Map.of(
                "email", "mallory-" + UUID.randomUUID() + "@evil.example", "firstName", "Mallory",
                "lastName", "Stranger", "phone", "+36209998877",
                "consent", Map.of("marketing", Map.of("email", false, "sms", true))))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        var named = browser.send("identify", Api.json(Map.of("anonymousId", attacker, "traits", Map.of(
                "email", email, "firstName", "Mallory"))));
        assertThat(named.status()).as(named.body()).isEqualTo(200);

        String strangers = admin.profileOf("anonymous_id:" + attacker);
        await().atMost(Duration.ofSeconds(10)).until(() -> profile(strangers).path("traits").size() >= 4);
        assertThat(strangers).isNotEqualTo(anna);
        JsonNode her = profile(anna);
        assertThat(her.get("profile").get("givenName").asString()).isEqualTo("Anna");
        assertThat(her.get("profile").get("email").asString()).isEqualTo(email);
        assertThat(her.get("profile").get("emailProvenance").get("verified").asBoolean()).isTrue();
        assertThat(her.get("identities").valueStream().map(identity -> identity.get("type").asString()))
                .doesNotContain("anonymous_id");
        assertThat(consent(her, "email")).isTrue();
        assertThat(consent(her, "sms")).isNull();

        JsonNode theirs = profile(strangers);
        assertThat(theirs.get("profile").get("givenName").asString()).isEqualTo("Mallory");
        assertThat(theirs.get("profile").get("emailProvenance").get("verified").asBoolean()).isFalse();
        assertThat(theirs.get("profile").get("emailProvenance").get("origin").asString()).isEqualTo("CLIENT_SOURCE");
        assertThat(theirs.get("consents").size()).as("a browser states no consent").isZero();
        assertThat(theirs.get("identities").valueStream().map(identity -> identity.get("type").asString()))
                .containsOnly("anonymous_id");
    }

    @Test
    void aUserIdSentWithoutTheServersSignatureDoesNotJoinHer() {
        String userId = "cust-" + UUID.randomUUID();
        String anna = knownCustomer(userId, "anna-" + UUID.randomUUID() + "@example.com", null);
        api.post("/api/sources/" + sourceId + "/user-id-secret", "");
        String device = "device-" + UUID.randomUUID();

        var forged = browser.send("track", Api.json(Map.of("userId", userId, "anonymousId", device,
                "event", "Product Viewed", "context", Map.of("userIdSignature", "1765000000.00ff"))));
        assertThat(forged.status()).as(forged.body()).isEqualTo(200);
        assertThat(admin.profileOf("anonymous_id:" + device)).isNotEqualTo(anna);

        var alone = browser.send("track", Api.json(Map.of("userId", userId, "event", "Product Viewed")));
        assertThat(alone.status()).as(alone.body()).isEqualTo(400);
        assertThat(alone.json().get("rejected").get(0).get("reason").asString()).contains("userIdSignature");
    }

    @Test
    void aUserIdTheBrandsServerSignedJoinsHerAndHerBrowsingFollows() throws Exception {
        String userId = "cust-" + UUID.randomUUID();
        String anna = knownCustomer(userId, "anna-" + UUID.randomUUID() + "@example.com", null);
        var issued = api.post("/api/sources/" + sourceId + "/user-id-secret", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String secret = issued.json().get("secret").asString();
        String device = "device-" + UUID.randomUUID();
        var browsing = browser.send("page", Api.json(Map.of("anonymousId", device, "name", "Wines")));
        assertThat(browsing.status()).isEqualTo(200);
        assertThat(admin.profileOf("anonymous_id:" + device)).isNotEqualTo(anna);

        long now = Instant.now().getEpochSecond();
        var signedIn = browser.send("identify", Api.json(Map.of("userId", userId, "anonymousId", device,
                "traits", Map.of("favouriteWine", "Aszú"),
                "context", Map.of("userIdSignature", signature(secret, userId, now)))));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> admin.profileOf("anonymous_id:" + device).equals(anna));
        assertThat(api.get("/api/sources/" + sourceId).json().get("signsUserIds").asBoolean()).isTrue();
    }

    @Test
    void aReceiptGoesOnlyToAnAddressStaffOrTheBrandsServersStated() {
        String device = "device-" + UUID.randomUUID();
        var identified = browser.send("identify", Api.json(Map.of("anonymousId", device, "traits",
                Map.of("email", "someone-" + UUID.randomUUID() + "@example.com"))));
        assertThat(identified.status()).isEqualTo(200);
        String unverified = admin.profileOf("anonymous_id:" + device);
        await().atMost(Duration.ofSeconds(10)).until(() -> !profile(unverified).get("profile").path("email").isMissingNode()
                && !profile(unverified).get("profile").path("email").isNull());
        var receipt = api.post("/api/messaging/messages", """
                {"name": "Receipt %s", "purpose": "transactional", "variants": [{"channel": "email",
                  "subject": "Your receipt", "html": "<p>Receipt</p>", "text": "Receipt"}]}"""
                .formatted(UUID.randomUUID()));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);

        var refused = api.post("/api/messaging/messages/" + receipt.json().get("id").asString() + "/send",
                "{\"profileId\":\"" + unverified + "\",\"channel\":\"email\"}");
        assertThat(refused.json().get("status").asString()).as(refused.body()).isEqualTo("refused");
        assertThat(refused.json().get("reason").asString()).isEqualTo("the customer's email address is not verified");

        String known = knownCustomer("cust-" + UUID.randomUUID(), "anna-" + UUID.randomUUID() + "@example.com", null);
        var sent = api.post("/api/messaging/messages/" + receipt.json().get("id").asString() + "/send",
                "{\"profileId\":\"" + known + "\",\"channel\":\"email\"}");
        assertThat(sent.json().get("status").asString()).as(sent.body()).isIn("sent", "delivered");
    }

    /** Anna as the brand's own server states her: user id, name, email, phone and consent to marketing email. */
    private String knownCustomer(String userId, String email, String phone) {
        Map<String, Object> traits = new java.util.HashMap<>(Map.of("firstName", "Anna", "lastName", "Kovács",
                "email", email, "consent", Map.of("marketing", Map.of("email", true))));
        if (phone != null) {
            traits.put("phone", phone);
        }
        var sent = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("identify",
                Api.json(Map.of("userId", userId, "traits", traits)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String profile = admin.profileOf("user_id:" + userId);
        await().atMost(Duration.ofSeconds(10)).until(() -> profile(profile).get("consents").size() == 1
                && profile(profile).get("profile").path("email").asString("").equals(email));
        return profile;
    }

    private JsonNode profile(String id) {
        var found = api.get("/api/customers/" + id);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json();
    }

    private static Boolean consent(JsonNode overview, String channel) {
        List<JsonNode> marketing = overview.get("consents").valueStream()
                .filter(consent -> consent.get("purpose").asString().equals("marketing")
                        && consent.get("channel").asString().equals(channel)).toList();
        return marketing.isEmpty() ? null : marketing.getFirst().get("granted").asBoolean();
    }

    private static String uniquePhone() {
        return "+3630" + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000_000));
    }

    /** What the brand's server computes when the shopper signs in, as docs/API.md shows. */
    private static String signature(String secret, String userId, long unixSeconds) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return unixSeconds + "." + HexFormat.of().formatHex(
                mac.doFinal((userId + "." + unixSeconds).getBytes(StandardCharsets.UTF_8)));
    }
}
