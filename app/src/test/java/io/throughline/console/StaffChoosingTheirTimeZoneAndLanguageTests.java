package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A marketer reads the console in the brand's zone and her browser's language until she chooses her own on her
 * preferences page; an unknown zone is refused at its field with what she typed kept.
 */
@PlatformTest
class StaffChoosingTheirTimeZoneAndLanguageTests {

    private static final Pattern SAVED_AT = Pattern.compile("(?:Saved|Mentve)</span> <time datetime=\"[^\"]+\">([^<]+)</time>");

    @LocalServerPort
    int port;

    @Test
    void aMarketerSwitchesToBudapestTimeAndHungarian() {
        String email = "zone-" + System.nanoTime() + "@throughline.test";
        var created = new Admin(port).api().post("/api/staff", Api.json(Map.of("email", email, "displayName",
                "Zóna Zita", "role", "MARKETER", "password", "long-enough-password")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ConsoleSession marketer = new ConsoleSession(port);
        marketer.signIn(email, "long-enough-password");

        HttpResponse<String> before = marketer.get("/journeys/abandoned-cart");
        assertThat(savedAt(before.body())).endsWith(" UTC");
        assertThat(marketer.get("/").body()).contains(">Customers</a>");

        HttpResponse<String> refused = marketer.submit("/account/preferences", "/account/preferences",
                Map.of("zone", "Mars/Olympus", "language", "hu"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("This is not a time zone", "value=\"Mars/Olympus\"",
                "aria-invalid=\"true\"");

        HttpResponse<String> saved = marketer.submit("/account/preferences", "/account/preferences",
                Map.of("zone", "Europe/Budapest", "language", "hu"));
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> after = marketer.get("/journeys/abandoned-cart");
        String utc = savedAt(before.body());
        String budapest = savedAt(after.body());
        assertThat(budapest).matches(".* CES?T").isNotEqualTo(utc);
        assertThat(marketer.get("/").body()).contains(">Vásárlók</a>", "lang=\"hu\"");
        assertThat(marketer.get("/account/preferences").body()).contains("value=\"Europe/Budapest\"");
    }

    private static String savedAt(String page) {
        Matcher matcher = SAVED_AT.matcher(page);
        assertThat(matcher.find()).as("the journey's page says when its version was saved").isTrue();
        return matcher.group(1);
    }
}
