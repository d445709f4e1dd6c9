package io.throughline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.carts.CartFixture;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A store associate assigned to the Budapest shop works Budapest's pick list, pickups, returns and tasks; another
 * shop's lists are not hers to read, in the console or through the API. Administrators are not limited.
 */
@PlatformTest
class AssociateSeeingOnlyHerShopsWorkTests {

    private static final String PASSWORD = "budapest-counter-2026";

    @LocalServerPort
    int port;

    CartFixture places;
    Api admin;
    String budapest;
    String debrecen;

    @BeforeEach
    void setUp() {
        places = new CartFixture(port);
        admin = places.api;
        budapest = places.location("shop-budapest");
        debrecen = places.location("shop-debrecen");
    }

    @Test
    void herShopsListsAnswerAndAnotherShopsAreRefusedThroughTheApi() {
        Api associate = Api.at(port).withToken(token(associate("api", budapest).id()));

        for (String list : new String[] {"pick-list", "pickups-due", "returns"}) {
            var own = associate.get("/api/fulfilment/shop-budapest/" + list);
            assertThat(own.status()).as(list + " " + own.body()).isEqualTo(200);
            var other = associate.get("/api/fulfilment/shop-debrecen/" + list);
            assertThat(other.status()).as(list + " " + other.body()).isEqualTo(403);
            assertThat(other.contentType()).startsWith("application/problem+json");
            var byId = associate.get("/api/fulfilment/" + debrecen + "/" + list);
            assertThat(byId.status()).as(list).isEqualTo(403);
            assertThat(admin.get("/api/fulfilment/shop-debrecen/" + list).status()).as(list).isEqualTo(200);
        }
        assertThat(associate.get("/api/messaging/tasks?location=shop-budapest").status()).isEqualTo(200);
        var othersTasks = associate.get("/api/messaging/tasks?location=shop-debrecen");
        assertThat(othersTasks.status()).as(othersTasks.body()).isEqualTo(403);
        assertThat(admin.get("/api/messaging/tasks?location=shop-debrecen").status()).isEqualTo(200);
        var handOver = associate.post("/api/fulfilment/shop-debrecen/orders/" + java.util.UUID.randomUUID()
                + "/ready-for-pickup", "");
        assertThat(handOver.status()).as(handOver.body()).isEqualTo(403);
    }

    @Test
    void theConsoleShowsHerShopsQueueAndSaysNotAllowedForAnotherShop() {
        ConsoleSession session = new ConsoleSession(port);
        session.signIn(associate("console", budapest).email(), PASSWORD);

        for (String page : new String[] {"pickups", "pick-list", "returns"}) {
            var own = session.get("/orders/" + page + "?location=shop-budapest");
            assertThat(own.statusCode()).as(page).isEqualTo(200);
            var other = session.get("/orders/" + page + "?location=shop-debrecen");
            assertThat(other.statusCode()).as(page).isEqualTo(403);
            assertThat(other.body()).as(page).contains("Not allowed");
        }

        ConsoleSession administrator = new ConsoleSession(port);
        administrator.signIn(PlatformTest.ADMIN_EMAIL, PlatformTest.ADMIN_PASSWORD);
        assertThat(administrator.get("/orders/pick-list?location=shop-debrecen").statusCode()).isEqualTo(200);
    }

    record Associate(String id, String email) {}

    /** A store associate working in the shop. */
    private Associate associate(String name, String shopId) {
        String email = "associate-" + name + "-" + System.nanoTime() + "@throughline.test";
        var created = admin.post("/api/staff", Api.json(Map.of("email", email, "displayName", "Budapest " + name,
                "role", "STORE_ASSOCIATE", "password", PASSWORD)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var assigned = admin.put("/api/staff/" + id, Api.json(Map.of("displayName", "Budapest " + name,
                "role", "STORE_ASSOCIATE", "shopId", shopId)));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return new Associate(id, email);
    }

    private String token(String staffId) {
        var token = admin.post("/api/staff/" + staffId + "/tokens", "{\"name\":\"till\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        return token.json().get("token").asString();
    }
}
