package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An administrator sets service levels on a business-hours calendar; a case's due times follow its priority,
 * the agent sees the breach warning, answers and resolves in time, and the share of targets kept counts it.
 */
@PlatformTest
class AgentsWorkingToServiceLevelsTests {

    @LocalServerPort
    int port;

    private final List<String> policies = new ArrayList<>();
    private ServiceFixture inbox;

    @AfterEach
    void removePolicies() {
        // Policies apply to every case; other scenarios expect the default targets.
        policies.forEach(id -> inbox.api.delete("/api/service/sla/policies/" + id));
    }

    @Test
    void dueTimesFollowThePriorityOnTheCalendarAndAKeptCaseCountsAsMet() {
        inbox = new ServiceFixture(port);
        // The only working hours are 10:00-12:00 UTC on the weekday two days from now; a week later is a holiday.
        LocalDate workday = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        var calendar = inbox.api.post("/api/service/sla/calendars", Api.json(Map.of("name",
                ServiceFixture.unique("Back office"), "zone", "UTC",
                "hours", List.of(Map.of("day", workday.getDayOfWeek().name(), "opens", "10:00", "closes", "12:00")),
                "holidays", List.of(Map.of("day", workday.plusDays(7).toString(), "name", "Founders' day")))));
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(201);
        policies.add(policy(Map.of("name", ServiceFixture.unique("High on office hours"), "priority", "HIGH",
                "firstResponseMinutes", 60, "resolutionMinutes", 180,
                "calendarId", calendar.json().get("id").asString())));
        policies.add(policy(Map.of("name", ServiceFixture.unique("Urgent around the clock"), "priority", "URGENT",
                "firstResponseMinutes", 15, "resolutionMinutes", 120)));
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(ServiceFixture.email("zsofi"),
                "Wrong vintage delivered", ServiceFixture.messageId(), "", "I ordered the 2017, got the 2019.")));
        Instant openedAt = Instant.parse(inbox.thread(conversation).get("conversation").get("openedAt").asString());
        var agent = inbox.agent(3);

        JsonNode high = agent.api().put("/api/service/conversations/" + conversation + "/priority",
                Api.json(Map.of("priority", "HIGH"))).json();

        assertThat(Instant.parse(high.get("firstResponseDue").asString()))
                .as("an hour of work from the first opening").isEqualTo(workday.atTime(11, 0).toInstant(ZoneOffset.UTC));
        assertThat(Instant.parse(high.get("resolutionDue").asString()))
                .as("two hours that day, then the holiday week is skipped")
                .isEqualTo(workday.plusDays(14).atTime(11, 0).toInstant(ZoneOffset.UTC));

        JsonNode urgent = agent.api().put("/api/service/conversations/" + conversation + "/priority",
                Api.json(Map.of("priority", "URGENT"))).json();

        assertThat(Instant.parse(urgent.get("firstResponseDue").asString()))
                .isEqualTo(openedAt.plus(Duration.ofMinutes(15)));
        var warnings = agent.api().get("/api/service/sla/warnings?limit=500");
        assertThat(warnings.status()).as(warnings.body()).isEqualTo(200);
        JsonNode warning = warnings.json().valueStream()
                .filter(w -> w.get("conversation").get("id").asString().equals(conversation)).findFirst()
                .orElseThrow(() -> new AssertionError("no breach warning for the urgent case: " + warnings.body()));
        assertThat(warning.get("sla").asString()).isEqualTo("AT_RISK");
        String window = "/api/service/sla/summary?from=" + openedAt + "&to=" + openedAt.plusMillis(1);
        JsonNode before = inbox.api.get(window).json();

        agent.api().post("/api/service/conversations/" + conversation + "/assignment",
                Api.json(Map.of("agentId", agent.staffId())));
        agent.api().post("/api/service/conversations/" + conversation + "/replies",
                Api.json(Map.of("text", "So sorry, the 2017 goes out today.")));
        var resolved = agent.api().put("/api/service/conversations/" + conversation + "/status",
                Api.json(Map.of("status", "RESOLVED")));

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        JsonNode after = inbox.api.get(window).json();
        assertThat(after.get("decided").asLong() - before.get("decided").asLong()).isEqualTo(1);
        assertThat(after.get("met").asLong() - before.get("met").asLong()).isEqualTo(1);
        assertThat(after.get("percentMet").asDouble()).isPositive();
        assertThat(agent.api().get("/api/service/sla/warnings?limit=500").body()).doesNotContain(conversation);
    }

    @Test
    void badTargetsAndCalendarsAreRefusedAtTheirFields() {
        inbox = new ServiceFixture(port);

        var backwards = inbox.api.post("/api/service/sla/policies", Api.json(Map.of("name", "Backwards",
                "firstResponseMinutes", 60, "resolutionMinutes", 30)));
        var noHours = inbox.api.post("/api/service/sla/calendars", Api.json(Map.of("name", "Never open",
                "hours", List.of())));
        var closesFirst = inbox.api.post("/api/service/sla/calendars", Api.json(Map.of("name", "Odd",
                "hours", List.of(Map.of("day", "MONDAY", "opens", "17:00", "closes", "09:00")))));
        var nowhere = inbox.api.post("/api/service/sla/calendars", Api.json(Map.of("name", "Nowhere",
                "zone", "Mars/Olympus", "hours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "17:00")))));
        var summary = inbox.api.get("/api/service/sla/summary?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z");

        assertThat(field(backwards)).isEqualTo("resolutionMinutes");
        assertThat(field(noHours)).isEqualTo("hours");
        assertThat(field(closesFirst)).isEqualTo("hours[0].closes");
        assertThat(field(nowhere)).isEqualTo("zone");
        assertThat(field(summary)).isEqualTo("to");
    }

    private String policy(Map<String, Object> body) {
        var created = inbox.api.post("/api/service/sla/policies", Api.json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String field(Api.Response refused) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        return refused.json().get("errors").get(0).get("field").asString();
    }
}
