package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformTest
class ApiAuthenticationTests {

    @LocalServerPort
    int port;

    @Test
    void callWithoutTokenIsRefusedWith401ProblemDocument() {
        var response = Api.at(port).get("/api/customers");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void unknownTokenIsRefusedLikeNoToken() {
        var response = Api.at(port).withToken("tl_not_a_token_anybody_was_given").get("/api/customers");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void agentTokenCannotCreateStaffAccounts() {
        String agentToken = tokenFor("agent-" + System.nanoTime() + "@throughline.test", StaffRole.AGENT);

        var response = Api.at(port).withToken(agentToken).post("/api/staff", Api.json(Map.of(
                "email", "intruder@throughline.test", "displayName", "Intruder", "role", "ADMIN",
                "password", "long-enough-password")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(admin().get("/api/staff?size=200").body()).doesNotContain("intruder@throughline.test");
    }

    @Test
    void agentTokenMayReadCustomersButAnalystTokenMayNot() {
        String agentToken = tokenFor("reader-" + System.nanoTime() + "@throughline.test", StaffRole.AGENT);
        String analystToken = tokenFor("analyst-" + System.nanoTime() + "@throughline.test", StaffRole.ANALYST);

        assertThat(Api.at(port).withToken(agentToken).get("/api/customers").status()).isEqualTo(200);
        assertThat(Api.at(port).withToken(analystToken).get("/api/customers").status()).isEqualTo(403);
    }

    @Test
    void revokedTokenStopsWorkingAtOnce() {
        var staff = admin().post("/api/staff", Api.json(Map.of("email", "revoke-" + System.nanoTime()
                + "@throughline.test", "displayName", "Soon Revoked", "role", "MARKETER",
                "password", "long-enough-password"))).json();
        String staffId = staff.get("id").asString();
        var token = admin().post("/api/staff/" + staffId + "/tokens", "{\"name\":\"laptop\"}").json();
        var marketer = Api.at(port).withToken(token.get("token").asString());
        assertThat(marketer.get("/api/me").json().get("role").asString()).isEqualTo("MARKETER");

        var revoked = admin().delete("/api/staff/" + staffId + "/tokens/" + token.get("id").asString());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(marketer.get("/api/me").status()).isEqualTo(401);
        assertThat(admin().get("/api/staff/" + staffId + "/tokens").json().get(0).get("revokedAt").isNull())
                .isFalse();
    }

    @Test
    void disabledAccountsTokensStopWorking() {
        var staff = admin().post("/api/staff", Api.json(Map.of("email", "leaver-" + System.nanoTime()
                + "@throughline.test", "displayName", "Leaver", "role", "AGENT",
                "password", "long-enough-password"))).json();
        String staffId = staff.get("id").asString();
        var token = admin().post("/api/staff/" + staffId + "/tokens", "{\"name\":\"desk\"}").json();
        var leaver = Api.at(port).withToken(token.get("token").asString());
        assertThat(leaver.get("/api/me").status()).isEqualTo(200);

        admin().patch("/api/staff/" + staffId, "{\"enabled\":false}");

        assertThat(leaver.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void tokensAreStoredOnlyAsDigests() {
        var staff = admin().post("/api/staff", Api.json(Map.of("email", "digest-" + System.nanoTime()
                + "@throughline.test", "displayName", "Digest", "role", "AGENT",
                "password", "long-enough-password"))).json();
        var token = admin().post("/api/staff/" + staff.get("id").asString() + "/tokens", "{\"name\":\"x\"}").json();

        assertThat(token.get("token").asString()).startsWith("tl_").hasSizeGreaterThan(40);
        assertThat(admin().get("/api/staff/" + staff.get("id").asString() + "/tokens").body())
                .doesNotContain(token.get("token").asString());
    }

    @Test
    void bootstrapTokenBelongsToTheFirstAdministrator() {
        var me = admin().get("/api/me").json();

        assertThat(me.get("email").asString()).isEqualTo(PlatformTest.ADMIN_EMAIL);
        assertThat(me.get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void theBenchmarksTrivialEndpointsDoNotExistUnlessSwitchedOn() {
        assertThat(admin().get("/api/bench/ping").status()).isEqualTo(404);
        assertThat(Api.at(port).get("/api/bench/ping").status()).isEqualTo(401);
        assertThat(Api.at(port).send(Api.at(port).request("/v1/bench/ping").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((PlatformTest.WEB_WRITE_KEY + ":").getBytes()))
                .GET()).status()).isEqualTo(404);
        // Without the switch the bare path is just another console page: sign in first.
        var bare = Api.at(port).get("/bench/ping");
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).endsWith("/sign-in");
    }

    private Api admin() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    private String tokenFor(String email, StaffRole role) {
        var staff = admin().post("/api/staff", Api.json(Map.of("email", email, "displayName", "Test " + role,
                "role", role.name(), "password", "long-enough-password")));
        assertThat(staff.status()).isEqualTo(201);
        var token = admin().post("/api/staff/" + staff.json().get("id").asString() + "/tokens",
                "{\"name\":\"test\"}");
        assertThat(token.status()).isEqualTo(201);
        return token.json().get("token").asString();
    }
}
