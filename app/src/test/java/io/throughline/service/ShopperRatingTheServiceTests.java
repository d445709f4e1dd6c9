package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Her case is resolved and a satisfaction survey reaches her on the case's medium; opening the link answers
 * nothing, her click does, once; the answer is on her timeline and, with the case's times and targets, in the
 * report per agent and per medium.
 */
@PlatformTest
class ShopperRatingTheServiceTests {

    @LocalServerPort
    int port;

    ServiceFixture inbox;

    @BeforeEach
    void surveysOn() {
        inbox = new ServiceFixture(port);
        inbox.settings(Map.of("csat-after-resolution", "true", "survey-base-url", "http://localhost:" + port));
    }

    @AfterEach
    void surveysOff() {
        inbox.settings(Map.of("csat-after-resolution", "false"));
    }

    @Test
    void sheRatesTheAnswerOnceAndTheReportCountsItForTheAgentAndTheMedium() {
        String address = ServiceFixture.email("judit");
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(address, "Gift wrapping",
                ServiceFixture.messageId(), "", "Can you gift-wrap two bottles?")));
        var agent = inbox.agent(2);
        agent.api().post("/api/service/conversations/" + conversation + "/assignment",
                Api.json(Map.of("agentId", agent.staffId())));
        agent.api().post("/api/service/conversations/" + conversation + "/replies",
                Api.json(Map.of("text", "Of course, free of charge.")));

        var resolved = agent.api().put("/api/service/conversations/" + conversation + "/status",
                Api.json(Map.of("status", "RESOLVED")));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        JsonNode messages = inbox.thread(conversation).get("messages");
        JsonNode invite = messages.get(messages.size() - 1);
        assertThat(invite.get("medium").asString()).as("on the medium of her case").isEqualTo("EMAIL");
        String text = invite.get("bodyText").asString();
        assertThat(text).startsWith("Your question is answered. How did we do?");
        String link = text.substring(text.indexOf("http://localhost:" + port + "/m/service/surveys/"));
        String path = link.substring(("http://localhost:" + port).length()).strip();

        var scanned = Api.at(port).get(path);
        assertThat(scanned.status()).isEqualTo(200);
        assertThat(scanned.body()).contains("id=\"survey-form\"");
        assertThat(report(agent.staffId()).get("csatAnswers").asInt()).as("opening the link answers nothing")
                .isZero();

        var tooHigh = answer(path, "6", "Lovely service");
        assertThat(tooHigh.status()).isEqualTo(200);
        assertThat(tooHigh.body()).contains("id=\"score-error\"").contains("Lovely service");

        var answered = answer(path, "5", "Lovely service");
        var again = answer(path, "1", "Changed my mind");

        assertThat(answered.body()).contains("id=\"thanks\"");
        assertThat(again.body()).contains("id=\"score-error\"").contains("answered already");
        JsonNode figures = report(agent.staffId());
        assertThat(figures.get("resolved").asInt()).isEqualTo(1);
        assertThat(figures.get("csatAnswers").asInt()).isEqualTo(1);
        assertThat(figures.get("csatAverage").asDouble()).isEqualTo(5.0);
        assertThat(figures.get("slaMetPercent").asDouble()).isEqualTo(100.0);
        assertThat(figures.get("averageFirstResponseSeconds").asLong()).isGreaterThanOrEqualTo(0);
        JsonNode email = reportNow().get("media").valueStream()
                .filter(m -> m.get("medium").asString().equals("EMAIL")).findFirst().orElseThrow();
        assertThat(email.get("figures").get("csatAnswers").asInt()).isPositive();
        String profile = inbox.thread(conversation).get("conversation").get("profileId").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(inbox.admin.timelineLabels(profile))
                .contains("Satisfaction Rated", "Conversation Resolved"));

        var backwards = inbox.api.get("/api/service/reports?from=2026-12-08&to=2026-12-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
    }

    private Api.Response answer(String path, String score, String comment) {
        String form = "score=" + score + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8);
        return inbox.api.send(Api.at(port).request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private JsonNode reportNow() {
        LocalDate today = LocalDate.now();
        var report = inbox.api.get("/api/service/reports?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json();
    }

    private JsonNode report(String agentId) {
        return reportNow().get("agents").valueStream().filter(a -> a.get("agentId").asString().equals(agentId))
                .findFirst().map(a -> a.get("figures"))
                .orElseThrow(() -> new AssertionError("no row for the agent"));
    }
}
