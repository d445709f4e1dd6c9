package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.ConsoleSession;
import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class StaffSignInTests {

    @LocalServerPort
    int port;

    @Test
    void wrongPasswordIsRefused() {
        var session = new ConsoleSession(port);

        assertThat(session.signIn(PlatformTest.ADMIN_EMAIL, "not-the-password")).endsWith("/sign-in?error");
        assertThat(session.get("/customers").statusCode()).isEqualTo(302);
        assertThat(session.get("/customers").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/sign-in"));
    }

    @Test
    void rightPasswordOpensTheConsole() {
        var session = new ConsoleSession(port);

        assertThat(session.signIn("agent@tokaj-cellars.example", PlatformTest.DEMO_STAFF_PASSWORD)).endsWith("/");
        var dashboard = session.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dashboard", "agent@tokaj-cellars.example");
    }

    @Test
    void repeatedFailuresFromOneAddressMakeItWaitEvenWithTheRightPassword() {
        var session = new ConsoleSession(port);
        String email = "debrecen@tokaj-cellars.example";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(session.signIn(email, "guess-" + attempt)).endsWith("/sign-in?error");
        }

        assertThat(session.signIn(email, PlatformTest.DEMO_STAFF_PASSWORD)).endsWith("/sign-in?throttled");
        assertThat(session.get("/sign-in?throttled").body()).contains("Too many failed attempts");
    }

    @Test
    void signInWithoutCsrfTokenIsRejected() {
        var session = new ConsoleSession(port);
        session.get("/sign-in");

        assertThat(session.signInWithoutCsrfToken(PlatformTest.ADMIN_EMAIL, PlatformTest.ADMIN_PASSWORD))
                .isEqualTo(403);
    }

    @Test
    void consolePagesCarrySecurityHeaders() {
        var signInPage = new ConsoleSession(port).get("/sign-in");

        assertThat(signInPage.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(signInPage.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(signInPage.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(signInPage.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }
}
