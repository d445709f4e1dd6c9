package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every API error is an RFC 9457 problem document that says what was wrong, and never a 500 for bad input. */
@PlatformTest
class ProblemDetailsTests {

    @LocalServerPort
    int port;

    @Test
    void malformedJsonIsA400NamingWhereTheParserStopped() {
        var response = api().post("/api/customers", "{\n  \"givenName\": \"Eva\",\n  \"email\": }");

        assertProblem(response, 400, "/problems/malformed-json");
        assertThat(response.json().get("line").asInt()).isEqualTo(3);
        assertThat(response.json().get("detail").asString()).contains("line 3, column");
    }

    @Test
    void missingBodyIsA400() {
        var response = api().post("/api/customers", "");

        assertProblem(response, 400, "/problems/malformed-json");
    }

    @Test
    void valueOfTheWrongTypeNamesTheField() {
        var response = api().post("/api/staff", "{\"email\":\"x@example.com\",\"displayName\":\"X\","
                + "\"role\":\"OVERLORD\",\"password\":\"long-enough-password\"}");

        assertProblem(response, 400, "/problems/malformed-json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
    }

    @Test
    void validationFailureListsEveryOffendingField() {
        var response = api().post("/api/customers", "{\"email\":\"not-an-email\",\"phone\":\"12\","
                + "\"givenName\":\"" + "x".repeat(101) + "\"}");

        assertProblem(response, 400, "/problems/invalid-request");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("email", "phone", "givenName");
    }

    @Test
    void unknownCustomerIsA404() {
        var response = api().get("/api/customers/0192a0b0-0000-7000-8000-000000000000");

        assertProblem(response, 404, "/problems/not-found");
    }

    @Test
    void malformedIdIsA400NamingTheParameter() {
        var response = api().get("/api/customers/not-a-uuid");

        assertProblem(response, 400, "/problems/invalid-request");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void unknownPathIsA404() {
        assertProblem(api().get("/api/no-such-thing"), 404, "/problems/not-found");
    }

    @Test
    void wrongMethodIsA405() {
        assertProblem(api().delete("/api/customers"), 405, "/problems/method-not-allowed");
    }

    @Test
    void wrongContentTypeIsA415() {
        var response = api().send(api().request("/api/customers").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("Eva")));

        assertProblem(response, 415, "/problems/unsupported-media-type");
    }

    @Test
    void duplicateEmailIsA409() {
        String body = "{\"givenName\":\"Twice\",\"email\":\"twice-" + System.nanoTime() + "@example.com\"}";
        assertThat(api().post("/api/customers", body).status()).isEqualTo(201);

        var response = api().post("/api/customers", body);

        assertProblem(response, 409, "/problems/conflict");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void pageSizeOutOfRangeIsA400() {
        var response = api().get("/api/customers?size=5000");

        assertProblem(response, 400, "/problems/invalid-request");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void problemsCarryTheRequestIdAndNoStackTrace() {
        var response = api().send(api().request("/api/customers/not-a-uuid").header("X-Request-Id", "trace-42"));

        assertThat(response.header("X-Request-Id")).isEqualTo("trace-42");
        assertThat(response.body()).doesNotContain("Exception", "at io.throughline", "trace\"");
    }

    private Api api() {
        return Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
