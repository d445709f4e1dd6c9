package io.throughline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator changes a colleague's role, shop and time zone, disables and enables the account in the
 * console's forms, and is refused at the field when a value is wrong; the management API does the same with
 * problem documents, and other roles are kept out.
 */
@PlatformTest
class AdminChangingStaffAccountsTests {

    static final String ADMIN = "admin@tokaj-cellars.example";
    static final String MARKETER = "marketing@tokaj-cellars.example";

    @LocalServerPort
    int port;

    @Test
    void adminMovesAnAssociateToAnotherShopAndZoneThenDisablesAndEnablesHer() {
        String email = "moving-" + System.nanoTime() + "@tokaj-cellars.example";
        String id = newAssociate(email);
        var admin = signedIn(ADMIN);
        String page = admin.get("/staff/" + id).body();
        String debrecen = optionValue(page, "Tokaj Cellars Debrecen");

        var saved = admin.submit("/staff/" + id, "/staff/" + id, Map.of("displayName", "Kata Nagy",
                "role", "AGENT", "shopId", debrecen, "timeZone", "Europe/Warsaw"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String after = admin.get("/staff/" + id).body();
        assertThat(after).contains("Changes saved.", "Kata Nagy", "Service agent", "Tokaj Cellars Debrecen",
                "Europe/Warsaw");
        var account = new Admin(port).api().get("/api/staff/" + id).json();
        assertThat(account.get("role").asString()).isEqualTo("AGENT");
        assertThat(account.get("shopId").asString()).isEqualTo(debrecen);
        assertThat(account.get("timeZone").asString()).isEqualTo("Europe/Warsaw");

        var disabled = admin.submit("/staff/" + id, "/staff/" + id + "/disable", Map.of());
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(new ConsoleSession(port).signIn(email, "first-password-123")).contains("error");
        assertThat(admin.get("/staff/" + id).body()).contains("can no longer sign in", "Disabled");

        admin.submit("/staff/" + id, "/staff/" + id + "/enable", Map.of());
        assertThat(new ConsoleSession(port).signIn(email, "first-password-123")).doesNotContain("error");
    }

    @Test
    void wrongValuesAreRefusedAtTheirFieldsAndWhatWasTypedStays() {
        String id = newAssociate("typo-" + System.nanoTime() + "@tokaj-cellars.example");
        var admin = signedIn(ADMIN);

        var refused = admin.submit("/staff/" + id, "/staff/" + id, Map.of("displayName", " ",
                "role", "STORE_ASSOCIATE", "shopId", "0190f0f0-0000-7000-8000-000000000000", "timeZone", "Mars/Olympus"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"edit-name-error\"", "id=\"edit-shop-error\"",
                "is not one of the brand&#39;s shops", "id=\"edit-zone-error\"", "is not a time zone",
                "value=\"Mars/Olympus\"");
        assertThat(new Admin(port).api().get("/api/staff/" + id).json().get("displayName").asString())
                .isEqualTo("Kata");

        String taken = admin.submit("/staff", "/staff", Map.of("email", ADMIN, "displayName", "Twin",
                "role", "ADMIN", "password", "long-enough-password", "shopId", "", "timeZone", "")).body();
        assertThat(taken).contains("id=\"new-email-error\"", "another staff account already uses this email",
                "value=\"Twin\"");
        String tooShort = admin.submit("/staff", "/staff", Map.of("email", "short@tokaj-cellars.example",
                "displayName", "Short", "role", "ANALYST", "password", "short", "shopId", "", "timeZone", "")).body();
        assertThat(tooShort).contains("id=\"new-password-error\"", "value=\"short@tokaj-cellars.example\"");
    }

    @Test
    void anAdministratorCannotDisableHerselfNorLeaveTheBrandWithoutAnAdministrator() {
        var admin = signedIn(ADMIN);
        String ownId = new Admin(port).api().get("/api/staff?size=200").json().get("items").valueStream()
                .filter(staff -> staff.get("email").asString().equals(ADMIN)).findFirst().orElseThrow()
                .get("id").asString();
        var refused = admin.submit("/staff/" + ownId, "/staff/" + ownId + "/disable", Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"enabled-error\"", "you cannot disable your own account");
        assertThat(new ConsoleSession(port).signIn(ADMIN, PlatformTest.DEMO_STAFF_PASSWORD)).doesNotContain("error");
    }

    @Test
    void theApiAssignsAndNamesTheFieldItRefuses() {
        String id = newAssociate("api-" + System.nanoTime() + "@tokaj-cellars.example");
        Api api = new Admin(port).api();
        var assigned = api.put("/api/staff/" + id, Api.json(Map.of("displayName", "Kata N.", "role", "MARKETER",
                "timeZone", "Europe/Budapest")));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("role").asString()).isEqualTo("MARKETER");
        assertThat(assigned.json().get("timeZone").asString()).isEqualTo("Europe/Budapest");
        assertThat(assigned.json().hasNonNull("shopId")).isFalse();

        var badZone = api.put("/api/staff/" + id, Api.json(Map.of("displayName", "Kata", "role", "AGENT",
                "timeZone", "Mars/Olympus")));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.contentType()).startsWith("application/problem+json");
        assertThat(badZone.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
        var noName = api.put("/api/staff/" + id, Api.json(Map.of("displayName", "", "role", "AGENT")));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        assertThat(api.get("/api/staff/" + id).json().get("role").asString()).isEqualTo("MARKETER");
    }

    @Test
    void otherRolesAreKeptOutOfStaffAdministration() {
        var marketer = signedIn(MARKETER);
        assertThat(marketer.get("/staff").statusCode()).isEqualTo(403);
        assertThat(marketer.get("/account").body()).doesNotContain("id=\"staff-administration\"");
        assertThat(signedIn(ADMIN).get("/account").body()).contains("id=\"staff-administration\"");
    }

    private String newAssociate(String email) {
        var created = new Admin(port).api().post("/api/staff", Api.json(Map.of("email", email, "displayName", "Kata",
                "role", "STORE_ASSOCIATE", "password", "first-password-123")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private ConsoleSession signedIn(String email) {
        var session = new ConsoleSession(port);
        session.signIn(email, PlatformTest.DEMO_STAFF_PASSWORD);
        return session;
    }

    private static String optionValue(String page, String label) {
        Matcher option = Pattern.compile("<option value=\"([0-9a-f-]{36})\">" + Pattern.quote(label) + "</option>")
                .matcher(page);
        assertThat(option.find()).as("an option " + label).isTrue();
        return option.group(1);
    }
}
