package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * PostgreSQL cannot store U+0000. Whatever endpoint it is sent to, in a query parameter or anywhere in a JSON body,
 * the answer is a 400 problem naming the field, never a 500. The endpoints are walked from the OpenAPI document the
 * platform serves, so a new one is covered without being listed here.
 */
@PlatformTest
class CallerSendingANulCharacterTests {

    private static final String NUL = "a\u0000b";

    @LocalServerPort
    int port;

    private Api admin;
    private JsonNode document;

    @BeforeEach
    void theOpenApiDocument() {
        admin = new Admin(port).api();
        // The document is built on its first request, which takes a while on a busy machine.
        var served = Api.at(port).send(Api.at(port).request("/v3/api-docs")
                .timeout(java.time.Duration.ofMinutes(3)).GET());
        assertThat(served.status()).isEqualTo(200);
        document = served.json();
    }

    @Test
    void everyQueryParameterOfEveryReadAnswers400() {
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (var path : document.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            for (JsonNode parameter : get.path("parameters")) {
                if (!"query".equals(parameter.path("in").asString())) {
                    continue;
                }
                String url = concrete(path.getKey()) + "?" + parameter.get("name").asString() + "="
                        + URLEncoder.encode(NUL, StandardCharsets.UTF_8);
                var answer = admin.get(url);
                asked++;
                if (answer.status() != 400 || !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add("GET " + url + " → " + answer.status());
                }
            }
        }
        assertThat(asked).as("query parameters walked").isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyJsonBodyWithTextAnswers400NamingTheField() {
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (var path : document.get("paths").properties()) {
            for (String method : List.of("post", "put", "patch")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                JsonNode schema = operation.path("requestBody").path("content").path("application/json")
                        .path("schema");
                ObjectNode body = bodyWithNul(schema);
                if (body == null) {
                    continue;
                }
                String url = concrete(path.getKey());
                var answer = admin.send(admin.request(url).header("Content-Type", "application/json")
                        .method(method.toUpperCase(), java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
                asked++;
                if (answer.status() != 400 || !answer.body().contains("NUL")) {
                    wrong.add(method.toUpperCase() + " " + url + " " + body + " → " + answer.status() + " "
                            + answer.body());
                }
            }
        }
        assertThat(asked).as("write endpoints walked").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFormFieldOfTheConsoleAnswers400() {
        var answer = Api.at(port).send(Api.at(port).request("/customers?q=" + URLEncoder.encode(NUL,
                StandardCharsets.UTF_8)).GET());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
    }

    /** The path with each {variable} replaced by an id nobody has. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /**
     * A body of the operation's schema in which every text field, down through objects and arrays, holds NUL; null
     * when the schema has no text at all.
     */
    private ObjectNode bodyWithNul(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (!resolved.has("properties")) {
            return null;
        }
        JsonNode value = valueWithNul(resolved, 0);
        return value instanceof ObjectNode object && object.toString().contains("\\u0000") ? object : null;
    }

    private JsonNode valueWithNul(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        var json = JsonNodeFactory.instance;
        if (depth > 4) {
            return json.nullNode();
        }
        if (resolved.has("properties")) {
            ObjectNode object = json.objectNode();
            for (Map.Entry<String, JsonNode> property : resolved.get("properties").properties()) {
                object.set(property.getKey(), valueWithNul(property.getValue(), depth + 1));
            }
            return object;
        }
        String type = resolved.path("type").asString("");
        if (!resolved.path("enum").isMissingNode()) {
            return json.stringNode(resolved.get("enum").get(0).asString());
        }
        return switch (type) {
            case "string" -> "uuid".equals(resolved.path("format").asString()) ? json.stringNode(UUID.randomUUID()
                    .toString()) : "date-time".equals(resolved.path("format").asString())
                    ? json.stringNode("2026-12-07T10:00:00Z") : json.stringNode(NUL);
            case "array" -> json.arrayNode().add(valueWithNul(resolved.path("items"), depth + 1));
            case "integer", "number" -> json.numberNode(1);
            case "boolean" -> json.booleanNode(true);
            case "object" -> json.objectNode().put("key", NUL);
            default -> json.stringNode(NUL);
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.asString().substring("#/components/schemas/".length());
        return document.path("components").path("schemas").path(name);
    }
}
