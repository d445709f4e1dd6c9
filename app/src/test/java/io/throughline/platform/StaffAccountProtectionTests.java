package io.throughline.platform;

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
 * The probe's findings about staff accounts: a disabled account's sessions went on working, a stranger could lock
 * anyone out by failing for her account, and "password1234" was a good enough password.
 */
@PlatformTest
class StaffAccountProtectionTests {

    private static final String PASSWORD = "riesling from the north slope";

    @LocalServerPort
    int port;

    @Test
    void disablingAnAccountEndsHerConsoleSessionAtOnce() {
        var staff = newStaff("AGENT");
        var session = new ConsoleSession(port);
        assertThat(session.signIn(staff.email(), PASSWORD)).endsWith("/");
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        var disabled = admin().patch("/api/staff/" + staff.id(), "{\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

        var next = session.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("/sign-in"));
        assertThat(session.get("/customers").statusCode()).as("the session is gone, not only refused once")
                .isEqualTo(302);
    }

    @Test
    void changingHerRoleEndsTheSessionThatHeldTheOldOne() {
        var staff = newStaff("ADMIN");
        var session = new ConsoleSession(port);
        assertThat(session.signIn(staff.email(), PASSWORD)).endsWith("/");

        admin().patch("/api/staff/" + staff.id(), "{\"role\":\"ANALYST\"}");

        assertThat(session.get("/").statusCode()).isEqualTo(302);
        assertThat(session.signIn(staff.email(), PASSWORD)).endsWith("/");
        assertThat(session.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aStrangerFailingForHerAccountElsewhereDoesNotLockHerOut() {
        var staff = newStaff("AGENT");
        var stranger = new ConsoleSession(port, "203.0.113." + (1 + (int) (Math.random() * 200)));
        for (int attempt = 1; attempt <= 8; attempt++) {
            stranger.signIn(staff.email(), "guess-number-" + attempt);
        }
        assertThat(stranger.signIn(staff.email(), PASSWORD)).as("the guessing address waits")
                .endsWith("/sign-in?throttled");
        assertThat(stranger.get("/sign-in?throttled").body()).contains("Too many failed attempts");

        var owner = new ConsoleSession(port, "198.51.100." + (1 + (int) (Math.random() * 200)));
        assertThat(owner.signIn(staff.email(), PASSWORD)).endsWith("/");
    }

    @Test
    void aCommonPasswordIsRefusedAtTheFieldNotOnlyAShortOne() {
        var refused = admin().post("/api/staff", Api.json(Map.of("email", "common-" + UUID.randomUUID()
                + "@throughline.test", "displayName", "Common", "role", "AGENT", "password", "Password1234")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(refused.json().get("errors").get(0).get("reason").asString()).contains("most common passwords");

        var staff = newStaff("AGENT");
        var changed = admin().patch("/api/staff/" + staff.id(), "{\"password\":\"qwerty123456\"}");
        assertThat(changed.status()).isEqualTo(400);
    }

    private record Staff(String id, String email) {}

    private Staff newStaff(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@throughline.test";
        var created = admin().post("/api/staff", Api.json(Map.of("email", email, "displayName", "Test " + role,
                "role", role, "password", PASSWORD)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Staff(created.json().get("id").asString(), email);
    }

    private Api admin() {
        return new Admin(port).api();
    }
}
