package io.throughline.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.throughline.support.Api;
import io.throughline.support.PlatformTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Segment's own Node.js library, {@code @segment/analytics-node} 3.1.0, unchanged, pointed at Throughline
 * with its {@code host} option: it posts to {@code /v1/batch} with the write key as Basic user name, and the
 * events arrive on the customer's profile. The library is installed from the npm registry with the lock file
 * in {@code src/test/node/segment-client}. Without Node.js the test is skipped, except on CI, where Node.js
 * is part of the contract.
 */
@PlatformTest
class OfficialSegmentNodeClientTests {

    private static final Path CLIENT_SOURCES = Path.of("src/test/node/segment-client");
    private static final Path CLIENT = Path.of("target/segment-node-client");

    @LocalServerPort
    int port;

    @BeforeAll
    static void installTheLibrary() throws Exception {
        boolean nodeInstalled = run(List.of("node", "--version"), Path.of("."), Map.of(), 10).succeeded();
        assumeTrue(nodeInstalled || System.getenv("CI") != null, "Node.js is not installed");
        Files.createDirectories(CLIENT);
        for (String file : List.of("package.json", "package-lock.json", "send.mjs")) {
            Files.copy(CLIENT_SOURCES.resolve(file), CLIENT.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(CLIENT.resolve("node_modules/@segment/analytics-node"))) {
            Outcome install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), CLIENT,
                    Map.of(), 180);
            assertThat(install.succeeded()).as("npm ci in %s: %s", CLIENT, install.output()).isTrue();
        }
    }

    @Test
    void identifyTrackAndPageFromTheSegmentNodeClientLandOnTheProfile() throws Exception {
        String userId = "segment-node-" + UUID.randomUUID();

        Outcome sent = run(List.of("node", "send.mjs"), CLIENT, Map.of(
                "THROUGHLINE_HOST", "http://127.0.0.1:" + port,
                "THROUGHLINE_WRITE_KEY", PlatformTest.WEB_WRITE_KEY,
                "USER_ID", userId), 60);

        assertThat(sent.succeeded()).as("the Node client delivered its batch: %s", sent.output()).isTrue();
        Api admin = Api.at(port).withToken(PlatformTest.ADMIN_TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/customers?identity=user_id:" + userId)
                .json().get("totalItems").asInt() == 1);
        String profile = admin.get("/api/customers?identity=user_id:" + userId).json().get("items").get(0)
                .get("id").asString();
        JsonNode timeline = admin.get("/api/customers/" + profile + "/timeline").json();
        assertThat(timeline.get("items").valueStream().map(item -> item.get("label").asString()))
                .containsExactlyInAnyOrder("identify", "Product Viewed", "Tokaji wines");
        assertThat(timeline.get("items").valueStream().map(item -> item.get("channel").asString()))
                .containsOnly("web");
        await().atMost(Duration.ofSeconds(10)).until(() -> "Réka".equals(
                admin.get("/api/customers/" + profile).json().get("profile").path("givenName").asString()));
    }

    /** What a finished command said, or why it did not finish. */
    private record Outcome(boolean succeeded, String output) {}

    private static Outcome run(List<String> command, Path directory, Map<String, String> environment,
            int timeoutSeconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("segment-node-client", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            return new Outcome(false, notInstalled.getMessage());
        }
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Outcome(finished && process.exitValue() == 0,
                finished ? said : "did not finish in " + timeoutSeconds + " s: " + said);
    }
}
