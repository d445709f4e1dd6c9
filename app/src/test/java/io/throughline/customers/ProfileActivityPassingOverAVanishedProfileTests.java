package io.throughline.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.support.Api;
import io.throughline.tracking.Channels;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@PlatformTest
class ProfileActivityPassingOverAVanishedProfileTests {

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Channels channels;

    @Test
    void anEventNamingAProfileThatIsGoneDoesNotHoldBackTheCustomersAfterIt() {
        // A module's event, in a shop, for a profile that no longer exists (erased after the event was logged).
        new TransactionTemplate(transactions).executeWithoutResult(status -> log.appendWithTransaction(
                CustomerEvent.track("Points Earned", channels.find("shop-tokaj").orElseThrow(), Instant.now())
                        .about(UUID.randomUUID(), null)
                        .property("points", 10)
                        .toAppend("vanished-" + UUID.randomUUID(), Instant.now())));
        String userId = "after-the-vanished-" + UUID.randomUUID();
        String email = userId + "@example.com";

        var sent = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("identify",
                Api.json(Map.of("userId", userId, "traits", Map.of("email", email))));

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Api api = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode found = api.get("/api/customers?identity=user_id:" + userId).json();
            assertThat(found.get("totalItems").asInt()).isEqualTo(1);
            JsonNode overview = api.get("/api/customers/" + found.get("items").get(0).get("id").asString()).json();
            assertThat(overview.get("profile").path("email").asString("")).isEqualTo(email);
            assertThat(overview.get("channels").toString()).contains("web");
        });
    }
}
