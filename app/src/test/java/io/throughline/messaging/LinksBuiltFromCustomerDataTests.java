package io.throughline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A trait is whatever a browser sent. A message whose links are built from one (a "website" trait) used to carry
 * {@code javascript:} into the email and the in-app card; links now lead only to web, mail and phone addresses.
 */
@PlatformTest
class LinksBuiltFromCustomerDataTests {

    @LocalServerPort
    int port;

    @Test
    void aJavascriptLinkFromATraitNeverReachesTheEmailOrTheCard() {
        var fixtures = new MessagingFixtures(new Admin(port).api());
        String profile = fixtures.identified(port, "links-" + UUID.randomUUID(), Map.of(
                "email", fixtures.uniqueEmail("links"), "website", "javascript:alert(document.cookie)",
                "shop", "JaVaScRiPt&#58;alert(1)", "blog", "https://blog.example/anna"));
        String message = fixtures.message("""
                {"name": "Links %s", "purpose": "transactional", "variants": [
                  {"channel": "email", "subject": "Hello",
                   "html": "<p><a href=\\"{{website}}\\">site</a> <a href='{{{shop}}}'>shop</a> <a href={{website}}>bare</a> <a href=\\"{{blog}}\\">blog</a></p>",
                   "text": "Hello"},
                  {"channel": "in_app", "title": "Hi", "body": "See", "link": "{{website}}"}]}"""
                .formatted(UUID.randomUUID()));

        var previewed = fixtures.api().post("/api/messaging/messages/" + message + "/preview",
                "{\"profileId\":\"" + profile + "\"}");
        assertThat(previewed.status()).as(previewed.body()).isEqualTo(200);
        JsonNode previews = previewed.json();

        String html = preview(previews, "email").get("html").asString();
        assertThat(html.toLowerCase()).doesNotContain("javascript");
        assertThat(html).contains("href=\"https://blog.example/anna\"");
        assertThat(preview(previews, "in_app").get("link").asString()).isEmpty();
    }

    private static JsonNode preview(JsonNode previews, String channel) {
        return previews.valueStream().filter(preview -> preview.get("channel").asString().equals(channel))
                .findFirst().orElseThrow().get("rendered");
    }
}
