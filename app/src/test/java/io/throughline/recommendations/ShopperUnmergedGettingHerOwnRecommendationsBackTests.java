package io.throughline.recommendations;

import static io.throughline.recommendations.RecommendationFixture.skus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.Collector;
import io.throughline.support.PlatformTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A shared tablet's browsing was merged into a customer's profile when she signed in on it; an admin undoes the
 * merge, and what the tablet browsed goes back to the tablet's profile: her list is hers again, and the tablet's
 * is its own, at once and after the next build alike.
 */
@PlatformTest
class ShopperUnmergedGettingHerOwnRecommendationsBackTests {

    @LocalServerPort
    int port;

    @Autowired
    Recommendations recommendations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTabletsBrowsingLeavesHerListWhenTheMergeIsUndone() {
        RecommendationFixture history = new RecommendationFixture(port);
        for (String other : new String[] {"c1", "c2", "c3"}) {
            history.order(other, 20, "X", "X2");
        }
        for (String other : new String[] {"c4", "c5", "c6"}) {
            history.order(other, 20, "Y", "Y2");
        }
        history.imported();
        rebuilt();
        Admin admin = new Admin(port);
        Collector web = new Collector(port, PlatformTest.WEB_WRITE_KEY);
        String userId = history.customer("her");
        String tablet = history.customer("tablet");
        sent(web, "identify", Map.of("userId", userId, "traits", Map.of("givenName", "Eszter")));
        String her = admin.profileOf("user_id:" + userId);
        viewed(web, Map.of("userId", userId), history, "Y");
        viewed(web, Map.of("anonymousId", tablet), history, "X");
        String tabletProfile = admin.profileOf("anonymous_id:" + tablet);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(tabletProfile) == 1 && rows(her) == 1);

        sent(web, "identify", Map.of("userId", userId, "anonymousId", tablet));
        assertThat(admin.profileOf("anonymous_id:" + tablet)).isEqualTo(her);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(her) == 2 && rows(tabletProfile) == 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> skus(forHer(history, userId, 2))
                .containsAll(List.of(history.sku("X2"), history.sku("Y2"))));

        String merge = admin.api().get("/api/customers/" + her).json().get("merges").get(0).get("id").asString();
        Api.Response undone = admin.api().post("/api/customers/merges/" + merge + "/unmerge", "");
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> rows(her) == 1 && rows(tabletProfile) == 1);
        assertThat(jdbc.sql("SELECT sku FROM recommendations.interaction WHERE profile_id = ?::uuid")
                .param(tabletProfile).query(String.class).single()).isEqualTo(history.sku("X"));
        await().atMost(Duration.ofSeconds(30)).until(() -> skus(forHer(history, userId, 1))
                .equals(List.of(history.sku("Y2"))));
        JsonNode tabletsOwn = history.ask("anonymousId=" + tablet + "&placement=home&limit=1");
        assertThat(tabletsOwn.get("basis").asString()).isEqualTo("PERSONAL");
        assertThat(skus(tabletsOwn)).containsExactly(history.sku("X2"));

        rebuilt();
        assertThat(skus(forHer(history, userId, 1))).containsExactly(history.sku("Y2"));
        assertThat(skus(history.ask("anonymousId=" + tablet + "&placement=home&limit=1")))
                .containsExactly(history.sku("X2"));
    }

    private long rows(String profile) {
        return jdbc.sql("SELECT count(*) FROM recommendations.interaction WHERE profile_id = ?::uuid").param(profile)
                .query(Long.class).single();
    }

    private static JsonNode forHer(RecommendationFixture history, String userId, int limit) {
        return history.ask("identity=" + URLEncoder.encode("user_id:" + userId, StandardCharsets.UTF_8)
                + "&placement=home&limit=" + limit);
    }

    private static void viewed(Collector web, Map<String, Object> who, RecommendationFixture history, String letter) {
        Map<String, Object> event = new HashMap<>(who);
        event.put("event", "Product Viewed");
        event.put("properties", Map.of("sku", history.sku(letter), "name", history.name(letter)));
        sent(web, "track", event);
    }

    private static void sent(Collector web, String type, Map<String, Object> body) {
        Api.Response answer = web.send(type, Api.json(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private void rebuilt() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> recommendations.rebuild().builtAt() != null);
    }
}
