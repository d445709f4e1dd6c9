package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many requests at once on real PostgreSQL: capacity-based assignment never takes an agent past her capacity and
 * never gives a case twice, and one customer's simultaneous emails still make one case.
 */
@PlatformTest
class AgentsTakingCasesAtOnceTests {

    @LocalServerPort
    int port;

    @Test
    void twelveCasesAssignedFromManyThreadsFillThreeAgentsOfCapacityTwoExactly() throws Exception {
        ServiceFixture inbox = new ServiceFixture(port);
        String team = ServiceFixture.unique("team");
        List<ServiceFixture.AgentLogin> agents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var agent = inbox.agent(2);
            var joined = inbox.api.put("/api/service/agents/" + agent.staffId(),
                    Api.json(Map.of("capacity", 2, "available", true, "teams", List.of(team))));
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
            agents.add(agent);
        }
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(ServiceFixture.email("queue"),
                    "Question " + i, ServiceFixture.messageId(), "", "Question " + i)));
            var routed = inbox.api.put("/api/service/conversations/" + conversation + "/team",
                    Api.json(Map.of("team", team)));
            assertThat(routed.status()).as(routed.body()).isEqualTo(200);
            cases.add(conversation);
        }

        List<Callable<Integer>> attempts = new ArrayList<>();
        for (String conversation : cases) {
            for (int twice = 0; twice < 2; twice++) {
                attempts.add(() -> inbox.api.post("/api/service/conversations/" + conversation
                        + "/auto-assignment", "").status());
            }
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (Future<Integer> answer : pool.invokeAll(attempts)) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).allMatch(status -> status == 200 || status == 204);
        Set<String> held = new HashSet<>();
        for (var agent : agents) {
            var mine = agent.api().get("/api/service/conversations/mine").json();
            assertThat(mine.size()).as("cases of one agent").isEqualTo(2);
            mine.forEach(item -> assertThat(held.add(item.get("conversation").get("id").asString()))
                    .as("a case held by two agents").isTrue());
        }
        assertThat(held).hasSize(6);
        long queued = inbox.api.get("/api/service/queue?team=" + team + "&limit=100").json().size();
        assertThat(queued).isEqualTo(6);

        var full = inbox.api.post("/api/service/conversations/" + cases.stream().filter(id -> !held.contains(id))
                .findFirst().orElseThrow() + "/assignment", Api.json(Map.of("agentId", agents.get(0).staffId())));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body()).contains("agentId");
    }

    @Test
    void oneCustomersSimultaneousEmailsMakeOneCase() throws Exception {
        ServiceFixture inbox = new ServiceFixture(port);
        String address = ServiceFixture.email("burst");
        List<Callable<Api.Response>> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String mail = ServiceFixture.mail(address, "Burst", ServiceFixture.messageId(), "", "Message " + i);
            posts.add(() -> inbox.postMail(mail));
        }
        Set<String> conversations = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Api.Response> posted : pool.invokeAll(posts)) {
                conversations.add(inbox.stored(posted.get()));
            }
        }

        assertThat(conversations).hasSize(1);
        assertThat(inbox.thread(conversations.iterator().next()).get("messages")).hasSize(6);
    }
}
