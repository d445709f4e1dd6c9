package io.throughline.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A marketer saved a journey whose webhook step called the platform's own loopback address, and the platform
 * called it. Webhook steps now call only hosts an administrator listed, never an internal address unless she
 * allowed that too; with no list (as here) every webhook step is refused at its field when saved.
 */
@PlatformTest
class MarketerPointingAWebhookInsideTheNetworkTests {

    private static final String WITH_WEBHOOK = """
            {"key": "%s", "name": "Calls out", "trigger": {"api": true}, "start": "call",
             "steps": {"call": {"type": "webhook", "url": "%s", "next": "done"}, "done": {"type": "exit"}}}""";

    @LocalServerPort
    int port;

    @Test
    void aWebhookToTheLoopbackOrAnUnlistedHostIsRefusedWhenSaved() {
        Api marketer = Api.at(port).withToken(new io.throughline.support.Admin(port).tokenFor("MARKETER"));

        for (String url : new String[] {"http://127.0.0.1:" + port + "/actuator/prometheus",
                "http://localhost:" + port + "/api/staff", "https://hooks.example.com/journeys"}) {
            var saved = marketer.post("/api/journeys", WITH_WEBHOOK.formatted(JourneyFixtures.key("hook"), url));

            assertThat(saved.status()).as(url + ": " + saved.body()).isEqualTo(400);
            assertThat(saved.json().get("errors").get(0).get("field").asString()).isEqualTo("$.steps.call.url");
            assertThat(saved.json().get("errors").get(0).get("reason").asString()).contains("webhook");
        }
    }
}
