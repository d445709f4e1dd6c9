package io.throughline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A visitor chats anonymously while the same woman has an email case; when she identifies herself the two
 * profiles merge and so do her two threads; erasing her removes every conversation and message of hers.
 */
@PlatformTest
class ConversationsFollowingTheirCustomerTests {

    @LocalServerPort
    int port;

    @Test
    void herAnonymousChatAndHerEmailBecomeOneThreadWhenSheSignsInAndErasureRemovesThem() {
        ServiceFixture inbox = new ServiceFixture(port);
        String address = ServiceFixture.email("merge");
        String emailCase = inbox.stored(inbox.postMail(ServiceFixture.mail(address, "Invoice",
                ServiceFixture.messageId(), "", "Please send my invoice.")));
        String visitor = "anon-" + UUID.randomUUID();
        Api widget = Api.at(port);
        var session = widget.post("/m/chat/session", Api.json(Map.of("writeKey", PlatformTest.WEB_WRITE_KEY,
                "anonymousId", visitor)));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        String token = session.json().get("token").asString();
        var forged = widget.post("/m/chat/messages", Api.json(Map.of("writeKey", PlatformTest.WEB_WRITE_KEY,
                "anonymousId", visitor, "token", "forged", "clientId", "c0", "text", "hi")));
        assertThat(forged.status()).isEqualTo(401);
        var chatted = widget.post("/m/chat/messages", Api.json(Map.of("writeKey", PlatformTest.WEB_WRITE_KEY,
                "anonymousId", visitor, "token", token, "clientId", "c1", "text", "Also: is shipping free?")));
        assertThat(chatted.status()).as(chatted.body()).isEqualTo(202);
        String chatCase = chatted.json().get("conversationId").asString();
        assertThat(chatCase).isNotEqualTo(emailCase);
        String survivor = inbox.admin.profileOf("email:" + address);

        var identified = new Collector(port, PlatformTest.WEB_WRITE_KEY).send("identify", Api.json(Map.of(
                "anonymousId", visitor, "traits", Map.of("email", address))));
        assertThat(identified.status()).as(identified.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode cases = inbox.api.get("/api/service/customers/" + survivor + "/panel").json()
                    .get("conversations");
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).get("id").asString()).isEqualTo(emailCase);
        });
        JsonNode thread = inbox.thread(emailCase).get("messages");
        assertThat(thread.valueStream().map(m -> m.get("bodyText").asString()))
                .containsExactly("Please send my invoice.", "Also: is shipping free?");
        var answered = inbox.agent(3).api().post("/api/service/conversations/" + chatCase + "/replies",
                Api.json(Map.of("text", "Yes.")));
        assertThat(answered.status()).as("the merged case is answered on the one it joined").isEqualTo(409);

        var erased = inbox.api.delete("/api/privacy/customers/" + survivor + "?requestReference=svc-test");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.body()).contains("service.conversation").contains("service.message");
        assertThat(inbox.api.get("/api/service/conversations/" + emailCase).status()).isEqualTo(404);
        assertThat(inbox.api.get("/api/service/conversations/" + chatCase).status()).isEqualTo(404);
    }
}
