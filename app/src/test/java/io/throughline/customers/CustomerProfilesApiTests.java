package io.throughline.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PlatformTest
class CustomerProfilesApiTests {

    @LocalServerPort
    int port;

    @Test
    void agentRegistersACustomerWhoseContactDetailsAreStoredNormalised() {
        String email = "Zsofia.Biro." + System.nanoTime() + "@Example.COM";
        var created = api().post("/api/customers", Api.json(details("Zsófia", "Bíró", email, "06 (30) 123-4567")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/customers/" + created.json().get("id").asString());
        JsonNode profile = api().get("/api/customers/" + created.json().get("id").asString()).json().get("profile");
        assertThat(profile.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(profile.get("phone").asString()).isEqualTo("+36301234567");
        assertThat(profile.get("givenName").asString()).isEqualTo("Zsófia");
    }

    @Test
    void searchByEmailFindsTheCustomer() {
        String email = "search-" + System.nanoTime() + "@example.org";
        String id = create("Marek", "Kováč", email, null);

        JsonNode page = api().get("/api/customers?q=" + email).json();

        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void searchByPhoneFindsTheCustomerWhateverFormatIsTyped() {
        String id = create("Piotr", "Wróbel-" + System.nanoTime(), null, "+48 601 555 321");

        assertThat(idsFound("48601555321")).contains(id);
        assertThat(idsFound("%2B48%20601%20555%20321")).contains(id);
        assertThat(idsFound("601555321")).contains(id);
    }

    @Test
    void searchByNameIgnoresCaseAndAccents() {
        String family = "Győrffy" + System.nanoTime();
        String id = create("Ágnes", family, null, null);

        assertThat(idsFound("agnes%20gyorffy" + family.substring(7))).containsExactly(id);
        assertThat(idsFound(family.toUpperCase())).containsExactly(id);
    }

    @Test
    void listIsPaginatedNewestFirst() {
        JsonNode first = api().get("/api/customers?size=10&page=0").json();
        JsonNode second = api().get("/api/customers?size=10&page=1").json();

        assertThat(first.get("items").size()).isEqualTo(10);
        assertThat(first.get("totalItems").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(first.get("totalPages").asLong()).isEqualTo((first.get("totalItems").asLong() + 9) / 10);
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        assertThat(first.get("items").get(9).get("createdAt").asString())
                .isGreaterThanOrEqualTo(second.get("items").get(0).get("createdAt").asString());
        assertThat(second.get("items").get(0).get("id").asString())
                .isNotEqualTo(first.get("items").get(0).get("id").asString());
    }

    @Test
    void aLongListIsWalkedByCursorWithoutOverlapsOrCounting() {
        JsonNode first = api().get("/api/customers?size=10").json();
        String cursor = first.get("next").asString();

        JsonNode second = api().get("/api/customers?size=10&after=" + cursor).json();
        JsonNode third = api().get("/api/customers?size=10&after=" + second.get("next").asString()).json();

        assertThat(second.get("items").size()).isEqualTo(10);
        assertThat(second.has("totalItems")).isFalse();
        assertThat(second.get("hasNext").asBoolean()).isTrue();
        assertThat(newestFirst(first, second)).isTrue();
        assertThat(newestFirst(second, third)).isTrue();
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(third));
    }

    @Test
    void aCursorThisListDidNotGiveOutIsRefusedByName() {
        var forged = api().get("/api/customers?after=not-a-cursor");
        var both = api().get("/api/customers?page=1&after=" + api().get("/api/customers?size=1").json()
                .get("next").asString());

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
    }

    @Test
    void updateReplacesTheDetails() {
        String id = create("Jana", "Nováková", "jana-" + System.nanoTime() + "@example.net", null);

        var updated = api().put("/api/customers/" + id, Api.json(details("Jana", "Kollárová", null, "+421 905 123 456")));

        assertThat(updated.status()).isEqualTo(200);
        JsonNode profile = api().get("/api/customers/" + id).json().get("profile");
        assertThat(profile.get("familyName").asString()).isEqualTo("Kollárová");
        assertThat(profile.has("email")).isFalse();
        assertThat(profile.get("phone").asString()).isEqualTo("+421905123456");
    }

    @Test
    void aProfileNeedsAtLeastANameEmailOrPhone() {
        var response = api().post("/api/customers", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("identifiable");
    }

    @Test
    void updatingAnUnknownCustomerIsA404() {
        var response = api().put("/api/customers/0192a0b0-0000-7000-8000-000000000001",
                Api.json(details("No", "One", null, null)));

        assertThat(response.status()).isEqualTo(404);
    }

    /** Every item of {@code later} comes after every item of {@code earlier}, newest first. */
    private static boolean newestFirst(JsonNode earlier, JsonNode later) {
        JsonNode last = earlier.get("items").get(earlier.get("items").size() - 1);
        return later.get("items").valueStream().allMatch(item -> {
            int byTime = Instant.parse(item.get("createdAt").asString())
                    .compareTo(Instant.parse(last.get("createdAt").asString()));
            return byTime < 0 || byTime == 0 && item.get("id").asString().compareTo(last.get("id").asString()) < 0;
        });
    }

    private static List<String> ids(JsonNode list) {
        return list.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private String create(String given, String family, String email, String phone) {
        var response = api().post("/api/customers", Api.json(details(given, family, email, phone)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private java.util.List<String> idsFound(String query) {
        return api().get("/api/customers?size=50&q=" + query).json().get("items").valueStream()
                .map(item -> item.get("id").asString()).toList();
    }

    private static Map<String, String> details(String given, String family, String email, String phone) {
        Map<String, String> details = new HashMap<>();
        details.put("givenName", given);
        details.put("familyName", family);
        if (email != null) {
            details.put("email", email);
        }
        if (phone != null) {
            details.put("phone", phone);
        }
        return details;
    }

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }
}
