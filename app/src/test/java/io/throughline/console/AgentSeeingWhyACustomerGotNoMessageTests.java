package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.messaging.ChannelChoices;
import io.throughline.messaging.ChannelDecision;
import io.throughline.messaging.Dispatch;
import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A customer asks why she got no offer: Customer 360's messages panel shows each decision and its reasons. */
@PlatformTest
class AgentSeeingWhyACustomerGotNoMessageTests {

    @LocalServerPort
    int port;

    @Autowired
    ChannelChoices choices;

    @Test
    void theMessagesPanelListsTheDecisionsWithTheirReasons() {
        Api api = new Admin(port).api();
        String profile = api.post("/api/customers", Api.json(Map.of("givenName", "Vera",
                "email", "vera-" + UUID.randomUUID() + "@example.com"))).json().get("id").asString();
        String message = api.post("/api/messaging/messages", """
                {"name": "Autumn tasting %s", "purpose": "marketing", "variants": [{"channel": "sms", "text": "Kóstoló!"},
                  {"channel": "email", "subject": "Kóstoló", "html": "<p>Kóstoló</p>", "text": "Kóstoló"}]}"""
                .formatted(UUID.randomUUID())).json().get("id").asString();

        ChannelDecision decision = choices.dispatch(new Dispatch(UUID.fromString(message), UUID.fromString(profile),
                null, Dispatch.QuietHours.HOLD, Map.of(), null, "journey:autumn-tasting:v1:invite",
                Instant.parse("2026-11-24T11:00:00Z")));
        var agent = new ConsoleSession(port);
        agent.signIn(MarketerReviewingMessagesInConsoleTests.AGENT, PlatformTest.DEMO_STAFF_PASSWORD);
        var panel = agent.get("/messages/customers/" + profile);

        assertThat(decision).isInstanceOf(ChannelDecision.Skip.class);
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("Channel decisions", "Autumn tasting", "journey:autumn-tasting:v1:invite",
                "skip", "email skipped: no marketing consent for email", "sms skipped: no marketing consent for sms");
    }
}
