package io.throughline.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's admin REST API, authenticated with the bootstrap API token. */
final class AdminApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final PlatformProcess platform;
    private final String authorization;
    private final JsonMapper json = JsonMapper.builder().build();

    AdminApi(HttpClient http, PlatformProcess platform, String apiToken) {
        this.http = http;
        this.platform = platform;
        this.authorization = "Bearer " + apiToken;
    }

    /** A request to {@code path} that carries the token, for load loops that send it themselves. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(platform.uri(path)).timeout(TIMEOUT).header("Authorization", authorization);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    JsonNode patch(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    UUID sourceId(String channel) throws IOException, InterruptedException {
        for (JsonNode source : get("/api/sources")) {
            if (channel.equals(source.path("channel").asString())) {
                return UUID.fromString(source.path("id").asString());
            }
        }
        throw new IllegalStateException("no source with channel " + channel + " (is the demo brand loaded?)");
    }

    /** Lifts a source's rate limit, so that the benchmark measures the platform rather than its throttle. */
    void setEventsPerSecond(UUID sourceId, int eventsPerSecond) throws IOException, InterruptedException {
        JsonNode updated = patch("/api/sources/" + sourceId, "{\"eventsPerSecond\":" + eventsPerSecond + "}");
        if (updated.path("eventsPerSecond").asInt() != eventsPerSecond) {
            throw new IllegalStateException("the source's rate stayed " + updated.path("eventsPerSecond"));
        }
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
