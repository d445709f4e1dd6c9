package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Agents tidying a customer's thread: canned answers filled with her name, a second topic split off into a case
 * of its own and merged back, each step undone.
 */
@PlatformTest
class AgentsTidyingThreadsTests {

    @LocalServerPort
    int port;

    @Test
    void aCannedAnswerGreetsHerByNameOrFallsBackAndBadOnesAreRefusedAtTheirFields() {
        ServiceFixture inbox = new ServiceFixture(port);
        String shortcut = ServiceFixture.unique("broken");
        var created = inbox.api.post("/api/service/canned-answers", Api.json(Map.of("shortcut", shortcut,
                "title", "Broken bottle", "body", "Dear {{firstName|customer}}, {{agentName}} here: a new bottle is on its way.")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String answer = created.json().get("id").asString();
        String address = ServiceFixture.email("reka");
        var customer = inbox.api.post("/api/customers", Api.json(Map.of("email", address, "givenName", "Réka",
                "familyName", "Tóth")));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        String named = inbox.stored(inbox.postMail(ServiceFixture.mail(address, "Broken", ServiceFixture.messageId(),
                "", "The bottle broke.")));
        String nameless = inbox.stored(inbox.postMail(ServiceFixture.mail(ServiceFixture.email("anon"), "Broken",
                ServiceFixture.messageId(), "", "Mine too.")));
        var agent = inbox.agent(2);

        var forReka = agent.api().get("/api/service/conversations/" + named + "/canned-answers/" + answer);
        var forStranger = agent.api().get("/api/service/conversations/" + nameless + "/canned-answers/" + answer);

        assertThat(forReka.status()).as(forReka.body()).isEqualTo(200);
        assertThat(forReka.json().get("text").asString())
                .isEqualTo("Dear Réka, Test AGENT here: a new bottle is on its way.");
        assertThat(forStranger.json().get("text").asString()).startsWith("Dear customer, ");
        assertThat(agent.api().get("/api/service/canned-answers").body()).contains(shortcut);

        var unknownPlaceholder = inbox.api.post("/api/service/canned-answers", Api.json(Map.of("shortcut",
                ServiceFixture.unique("x"), "title", "Nick", "body", "Hi {{nickname}}")));
        var sameShortcut = inbox.api.post("/api/service/canned-answers", Api.json(Map.of("shortcut", shortcut,
                "title", "Again", "body", "Hello")));
        var badShortcut = inbox.api.post("/api/service/canned-answers", Api.json(Map.of("shortcut", "Has Spaces",
                "title", "Again", "body", "Hello")));
        var byAgent = agent.api().post("/api/service/canned-answers", Api.json(Map.of("shortcut",
                ServiceFixture.unique("y"), "title", "Mine", "body", "Hello")));

        assertThat(unknownPlaceholder.status()).isEqualTo(400);
        assertThat(unknownPlaceholder.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(sameShortcut.status()).isEqualTo(409);
        assertThat(badShortcut.json().get("errors").get(0).get("field").asString()).isEqualTo("shortcut");
        assertThat(byAgent.status()).as("agents use canned answers, administrators write them").isEqualTo(403);

        var changed = inbox.api.put("/api/service/canned-answers/" + answer, Api.json(Map.of("shortcut", shortcut,
                "title", "Broken bottle", "body", "Hello {{fullName}}")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(agent.api().get("/api/service/conversations/" + named + "/canned-answers/" + answer).json()
                .get("text").asString()).isEqualTo("Hello Réka Tóth");
        assertThat(inbox.api.delete("/api/service/canned-answers/" + answer).status()).isEqualTo(204);
        assertThat(agent.api().get("/api/service/canned-answers").body()).doesNotContain(shortcut);
    }

    @Test
    void aSecondTopicIsSplitOffMergedBackAndEachStepUndone() {
        ServiceFixture inbox = new ServiceFixture(port);
        String address = ServiceFixture.email("bela");
        String conversation = inbox.stored(inbox.postMail(ServiceFixture.mail(address, "Delivery",
                ServiceFixture.messageId(), "", "Where is my parcel?")));
        inbox.stored(inbox.postMail(ServiceFixture.mail(address, "Invoice", ServiceFixture.messageId(), "",
                "And I need an invoice for last month's order.")));
        var agent = inbox.agent(2);
        JsonNode messages = inbox.thread(conversation).get("messages");
        assertThat(messages.size()).as("both emails joined her one open case").isEqualTo(2);
        String invoiceMessage = messages.get(1).get("id").asString();

        var split = agent.api().post("/api/service/conversations/" + conversation + "/split",
                Api.json(Map.of("messageIds", List.of(invoiceMessage))));

        assertThat(split.status()).as(split.body()).isEqualTo(201);
        String invoiceCase = split.json().get("targetId").asString();
        assertThat(bodies(inbox.thread(conversation))).containsExactly("Where is my parcel?");
        JsonNode invoice = inbox.thread(invoiceCase);
        assertThat(bodies(invoice)).containsExactly("And I need an invoice for last month's order.");
        assertThat(invoice.get("conversation").get("previousId").asString()).isEqualTo(conversation);
        assertThat(invoice.get("conversation").get("subject").asString()).startsWith("And I need an invoice");

        var merged = agent.api().post("/api/service/conversations/" + invoiceCase + "/merge",
                Api.json(Map.of("targetId", conversation)));

        assertThat(merged.status()).as(merged.body()).isEqualTo(201);
        assertThat(bodies(inbox.thread(conversation))).hasSize(2);
        assertThat(agent.api().post("/api/service/conversations/" + invoiceCase + "/replies",
                Api.json(Map.of("text", "Here it is."))).status()).as("a merged case is answered where it went")
                .isEqualTo(409);

        var unmerged = agent.api().post("/api/service/case-changes/" + merged.json().get("id").asString() + "/undo",
                "{}");

        assertThat(unmerged.status()).as(unmerged.body()).isEqualTo(200);
        assertThat(unmerged.json().get("undoneAt").isNull()).isFalse();
        assertThat(bodies(inbox.thread(conversation))).containsExactly("Where is my parcel?");

        var unsplit = agent.api().post("/api/service/case-changes/" + split.json().get("id").asString() + "/undo",
                "{}");

        assertThat(unsplit.status()).as(unsplit.body()).isEqualTo(200);
        assertThat(bodies(inbox.thread(conversation))).containsExactly("Where is my parcel?",
                "And I need an invoice for last month's order.");
        String profile = inbox.thread(conversation).get("conversation").get("profileId").asString();
        assertThat(agent.api().get("/api/service/customers/" + profile + "/panel").json().get("conversations")
                .valueStream().map(c -> c.get("id").asString())).containsExactly(conversation);
        assertThat(agent.api().get("/api/service/conversations/" + conversation + "/changes").json().size())
                .isEqualTo(2);
        assertThat(agent.api().post("/api/service/case-changes/" + split.json().get("id").asString() + "/undo",
                "{}").status()).as("undone once").isEqualTo(409);

        var everything = agent.api().post("/api/service/conversations/" + conversation + "/split",
                Api.json(Map.of("messageIds", inbox.thread(conversation).get("messages").valueStream()
                        .map(m -> m.get("id").asString()).toList())));
        var foreign = agent.api().post("/api/service/conversations/" + conversation + "/split",
                Api.json(Map.of("messageIds", List.of(java.util.UUID.randomUUID().toString()))));
        assertThat(everything.status()).isEqualTo(400);
        assertThat(everything.json().get("errors").get(0).get("field").asString()).isEqualTo("messageIds");
        assertThat(foreign.status()).isEqualTo(400);
    }

    private static List<String> bodies(JsonNode thread) {
        return thread.get("messages").valueStream().map(m -> m.get("bodyText").asString()).toList();
    }
}
