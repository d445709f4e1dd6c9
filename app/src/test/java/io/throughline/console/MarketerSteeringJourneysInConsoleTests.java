package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Marketers read the brand's journeys in the console — the list, a journey's definition in words with its
 * per-step counts — try one on a customer with a dry run, pause and activate it, and edit its JSON, with the
 * server's problems shown by JSON path. Agents and store associates are kept out, as from the messages pages.
 */
@PlatformTest
class MarketerSteeringJourneysInConsoleTests {

    static final String MARKETER = "marketing@tokaj-cellars.example";
    static final String AGENT = "agent@tokaj-cellars.example";
    static final String STORE_ASSOCIATE = "budapest@tokaj-cellars.example";
    static final String WAIT_THEN_EXIT = """
            {"key": "%s", "name": "Console wait %1$s", "trigger": {"api": true}, "reentry": "always",
             "goal": {"event": "Order Completed"},
             "start": "pause",
             "steps": {
               "pause": {"type": "wait", "duration": "%s", "next": "done"},
               "done": {"type": "exit"}}}""";

    @LocalServerPort
    int port;

    @Test
    void theListShowsTheBrandsJourneysAndAJourneysPageReadsLikeItsDefinitionWithItsCounts() {
        var admin = new Admin(port).api();
        String key = "console-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/journeys", WAIT_THEN_EXIT.formatted(key, "2d")).status()).isEqualTo(201);
        assertThat(admin.post("/api/journeys/" + key + "/activate", "").status()).isEqualTo(200);
        String profile = admin.post("/api/customers", Api.json(Map.of("givenName", "Vera",
                "email", "vera-" + UUID.randomUUID() + "@example.com"))).json().get("id").asString();
        var entered = admin.post("/api/journeys/" + key + "/entries", "{\"profileId\":\"" + profile + "\"}");
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        var console = new ConsoleSession(port);
        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);

        String listed = "";
        for (int page = 0; page < 20 && !listed.contains("data-key=\"" + key + "\""); page++) {
            var list = console.get("/journeys?page=" + page);
            assertThat(list.statusCode()).isEqualTo(200);
            listed = list.body();
        }
        String row = listed.replaceAll("(?s).*(<tr data-key=\"" + key + "\">.*?</tr>).*", "$1");
        assertThat(row).contains("active", ">1<", "0.0 % (0 of 1)");
        assertThat(row.replaceAll("\\s+", " ")).contains("<td class=\"number\">1</td> <td>0.0 %");

        var cart = console.get("/journeys/abandoned-cart");
        assertThat(cart.statusCode()).isEqualTo(200);
        assertThat(cart.body()).contains("When the customer does “Product Added” where cart_id exists.",
                "Ends as converted when the customer does “Order Completed”.",
                "Waits up to 48 hours for “Order Completed”.", "Sends the message “Kosáremlékeztető”.",
                "Channel: Best channel the customer consented to", "on timeout: ", "href=\"#step-remind\"",
                "Preview “Kosáremlékeztető”");

        var own = console.get("/journeys/" + key);
        String pauseRow = own.body().replaceAll("(?s).*(<tr id=\"step-pause\".*?</tr>).*", "$1")
                .replaceAll("\\s+", " ");
        assertThat(pauseRow).contains("Waits 2 days.", "<td class=\"number\">1</td> <td class=\"number\">0</td> "
                + "<td class=\"number\">1</td>");
    }

    @Test
    void aDryRunShowsThePathTheChannelAndWhyAndAnOrderInTimeConverts() {
        var admin = new Admin(port).api();
        String email = "dry-" + UUID.randomUUID() + "@example.com";
        String profile = admin.post("/api/customers", Api.json(Map.of("givenName", "Dóra", "email", email)))
                .json().get("id").asString();
        var consent = admin.put("/api/customers/" + profile + "/consent",
                Api.json(Map.of("purpose", "marketing", "channel", "email", "granted", true)));
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        var console = new ConsoleSession(port);
        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        // Out of the control group for the run, so that the choice reaches her email.
        assertThat(admin.patch("/api/messaging/settings", "{\"control-group-percent\": \"0\"}").status())
                .isEqualTo(200);

        var reminded = console.submit("/journeys/abandoned-cart", "/journeys/abandoned-cart/dry-run",
                Map.of("customer", email, "start", "2026-11-24T10:00", "events", ""));
        var converted = console.submit("/journeys/abandoned-cart", "/journeys/abandoned-cart/dry-run",
                Map.of("customer", profile, "start", "2026-11-24T10:00", "events", "Order Completed after 30h"));
        var unknown = console.submit("/journeys/abandoned-cart", "/journeys/abandoned-cart/dry-run",
                Map.of("customer", "nobody-" + UUID.randomUUID() + "@example.com", "events", "Order Completed soon"));

        assertThat(admin.patch("/api/messaging/settings", "{\"control-group-percent\": \"\"}").status())
                .isEqualTo(200);
        assertThat(reminded.statusCode()).isEqualTo(200);
        String path = reminded.body().replaceAll("(?s).*(<table id=\"dry-run-path\">.*?</table>).*", "$1");
        assertThat(path).contains("wait-for-order", "timed out", "remind", "email", "email chosen");
        assertThat(reminded.body()).contains("id=\"dry-run-outcome\">completed<");
        assertThat(converted.body()).contains("id=\"dry-run-outcome\">converted<", "converted: Order Completed")
                .doesNotContain("email chosen");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("No customer has this profile id or email address",
                "Line 1 must read like").doesNotContain("id=\"dry-run-outcome\"");
    }

    @Test
    void pausingActivatingAndEditingMakeANewVersionAndAWrongStepIsNamedByItsJsonPath() {
        var admin = new Admin(port).api();
        String key = "edited-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/journeys", WAIT_THEN_EXIT.formatted(key, "1h")).status()).isEqualTo(201);
        var console = new ConsoleSession(port);
        console.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);
        String page = "/journeys/" + key;

        var activated = console.submit(page, page + "/activate", Map.of());
        assertThat(activated.statusCode()).isEqualTo(302);
        assertThat(admin.get("/api/journeys/" + key).json().get("status").asString()).isEqualTo("active");
        var paused = console.submit(page, page + "/pause", Map.of());
        assertThat(paused.statusCode()).isEqualTo(302);
        assertThat(console.get(page).body()).contains("id=\"journey-state\">paused<", "Activate version 1");

        String broken = WAIT_THEN_EXIT.formatted(key, "3h").replace("\"next\": \"done\"", "\"next\": \"gone\"");
        var refused = console.submit(page + "/edit", page + "/edit", Map.of("definition", broken));
        var malformed = console.submit(page + "/edit", page + "/edit", Map.of("definition", "{\"key\": "));
        var saved = console.submit(page + "/edit", page + "/edit", Map.of("definition",
                WAIT_THEN_EXIT.formatted(key, "3h")));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("<code>$.steps.pause.next</code>", "names no step: &#39;gone&#39;",
                "&quot;gone&quot;");
        assertThat(malformed.body()).contains("<code>$</code>", "is not valid JSON");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/api/journeys/" + key).json().get("latestVersion").asInt()).isEqualTo(2);
        assertThat(console.get(page + "?version=2").body()).contains("Waits 3 hours.");
        assertThat(console.get(page + "?version=1").body()).contains("Waits 1 hour.");
    }

    @Test
    void agentsAndStoreAssociatesAreKeptOutOfJourneys() {
        var agent = new ConsoleSession(port);
        agent.signIn(AGENT, PlatformTest.DEMO_STAFF_PASSWORD);
        var associate = new ConsoleSession(port);
        associate.signIn(STORE_ASSOCIATE, PlatformTest.DEMO_STAFF_PASSWORD);
        var marketer = new ConsoleSession(port);
        marketer.signIn(MARKETER, PlatformTest.DEMO_STAFF_PASSWORD);

        assertThat(agent.get("/journeys").statusCode()).isEqualTo(403);
        assertThat(agent.get("/journeys/abandoned-cart").statusCode()).isEqualTo(403);
        assertThat(associate.get("/journeys/abandoned-cart/edit").statusCode()).isEqualTo(403);
        assertThat(agent.submit("/", "/journeys/abandoned-cart/pause", Map.of()).statusCode()).isEqualTo(403);
        assertThat(marketer.get("/journeys/abandoned-cart").body()).contains("id=\"journey-state\">active<");
        assertThat(marketer.get("/").body()).contains("href=\"/journeys\"");
        assertThat(marketer.get("/journeys/no-such-journey").statusCode()).isEqualTo(404);
    }
}
