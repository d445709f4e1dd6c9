package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.Admin;
import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document the platform serves, called by each staff role, by no one and with a
 * source's write key, against the table in {@code src/test/resources/authorization.tsv}. A new endpoint without a
 * row fails here, named, so whoever adds it decides who may call it; a changed rule fails until the table says so.
 * The same table is checked against {@link Authorization}, which the console's navigation asks.
 *
 * <p>Endpoints refuse a role before reading the request, so an empty body tells "refused" (401, 403) apart from
 * "admitted" (anything else: 400 for the empty body, 404 for the made-up id, 200).
 */
@PlatformTest
class EveryEndpointAdmittingOnlyItsRolesTests {

    static final List<String> CALLERS = List.of("ADMIN", "MARKETER", "AGENT", "STORE_ASSOCIATE", "ANALYST",
            "ANONYMOUS", "WRITE_KEY");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    Authorization authorization;

    @Test
    void everyOperationAdmitsExactlyTheCallersTheTableNames() throws IOException {
        Map<String, Map<String, Boolean>> expected = expectedTable();
        Map<String, String> tokens = tokens();
        // The document is built on its first request, which takes a while on a busy machine.
        JsonNode document = Api.at(port).send(Api.at(port).request("/v3/api-docs")
                .timeout(Duration.ofMinutes(3)).GET()).json();
        Map<String, Map<String, Boolean>> actual = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                String key = method + "\t" + path.getKey();
                boolean stream = operation.getValue().toString().contains("text/event-stream");
                // Sent as the operation declares its body (JSON, CSV, a multipart form), so that the request
                // reaches the endpoint rather than being refused for its media type first.
                String contentType = operation.getValue().path("requestBody").path("content").propertyNames()
                        .stream().findFirst().orElse("application/json");
                Map<String, Boolean> admitted = new LinkedHashMap<>();
                for (String caller : CALLERS) {
                    admitted.put(caller, admits(method, concrete(path.getKey()), tokens.get(caller), stream,
                            contentType));
                }
                actual.put(key, admitted);
                Map<String, Boolean> row = expected.get(key);
                if (row == null) {
                    problems.add("no row in authorization.tsv for " + method + " " + path.getKey());
                    continue;
                }
                for (String caller : CALLERS) {
                    if (!row.get(caller).equals(admitted.get(caller))) {
                        problems.add(method + " " + path.getKey() + ": " + caller + " is "
                                + (admitted.get(caller) ? "admitted" : "refused") + ", the table says "
                                + (row.get(caller) ? "yes" : "no"));
                    }
                }
                for (String role : CALLERS.subList(0, 5)) {
                    boolean permits = authorization.permits(StaffRole.valueOf(role), HttpMethod.valueOf(method),
                            concrete(path.getKey()));
                    if (permits != admitted.get(role)) {
                        problems.add(method + " " + path.getKey() + ": Authorization.permits(" + role + ") says "
                                + permits + " but the endpoint " + (admitted.get(role) ? "admits" : "refuses"));
                    }
                }
            }
        }
        expected.keySet().stream().filter(key -> !actual.containsKey(key))
                .forEach(key -> problems.add("authorization.tsv names " + key.replace('\t', ' ')
                        + ", which the OpenAPI document does not have"));
        writeActual(actual);
        assertThat(actual).as("operations walked").hasSizeGreaterThan(50);
        assertThat(problems).as("see target/authorization-actual.tsv for what the platform does now").isEmpty();
    }

    private Map<String, String> tokens() {
        var admin = new Admin(port);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("ADMIN", PlatformTest.ADMIN_TOKEN);
        for (String role : List.of("MARKETER", "AGENT", "STORE_ASSOCIATE", "ANALYST")) {
            tokens.put(role, admin.tokenFor(role));
        }
        tokens.put("ANONYMOUS", null);
        tokens.put("WRITE_KEY", PlatformTest.WEB_WRITE_KEY);
        return tokens;
    }

    private boolean admits(String method, String path, String token, boolean stream, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(stream ? 2 : 30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (List.of("POST", "PUT", "PATCH").contains(method)) {
            String body = contentType.contains("json") ? "{}" : "";
            request.header("Content-Type", contentType.startsWith("multipart/")
                    ? contentType + "; boundary=nothing" : contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status != 401 && status != 403;
        } catch (HttpTimeoutException streaming) {
            // A stream that stays open was admitted.
            return stream;
        } catch (IOException failed) {
            throw new IllegalStateException(method + " " + path + ": " + failed.getMessage(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The path with each {variable} replaced by an id nobody has. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "0198f0c0-0000-7000-8000-" + "000000000001");
    }

    /** METHOD, PATH, then yes or no per caller in the order of {@link #CALLERS}; # starts a comment. */
    private static Map<String, Map<String, Boolean>> expectedTable() throws IOException {
        Map<String, Map<String, Boolean>> table = new LinkedHashMap<>();
        try (InputStream in = EveryEndpointAdmittingOnlyItsRolesTests.class.getResourceAsStream("/authorization.tsv")) {
            assertThat(in).as("src/test/resources/authorization.tsv").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as(line).hasSize(2 + CALLERS.size());
                Map<String, Boolean> row = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    assertThat(cells[2 + i]).as(line).isIn("yes", "no");
                    row.put(CALLERS.get(i), cells[2 + i].equals("yes"));
                }
                table.put(cells[0] + "\t" + cells[1], row);
            }
        }
        return table;
    }

    private static void writeActual(Map<String, Map<String, Boolean>> actual) throws IOException {
        StringBuilder tsv = new StringBuilder("# method\tpath\t" + String.join("\t", CALLERS) + "\n");
        actual.forEach((key, row) -> tsv.append(key).append('\t').append(String.join("\t",
                row.values().stream().map(admitted -> admitted ? "yes" : "no").toList())).append('\n'));
        Path target = Path.of("target", "authorization-actual.tsv");
        Files.createDirectories(target.getParent());
        Files.writeString(target, tsv.toString());
    }
}
