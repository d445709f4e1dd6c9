package io.throughline.messaging.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Posts JSON to a provider or webhook with a bearer token or basic credentials, over HTTP/1.1. */
@Component
class JsonPoster {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;

    JsonPoster(JsonMapper json) {
        this.json = json;
    }

    /** Posts the body; the result is the provider's answer, or why there was none. */
    ChannelAdapter.Result post(String via, String url, Object body, @Nullable String token, @Nullable String username,
            @Nullable String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        } else if (username != null) {
            String credentials = username + ":" + (password == null ? "" : password);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return new ChannelAdapter.Result.Sent(via);
            }
            return new ChannelAdapter.Result.Failed(via + " answered HTTP " + response.statusCode());
        } catch (IOException failed) {
            return new ChannelAdapter.Result.Failed(via + " unreachable: " + failed.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new ChannelAdapter.Result.Failed(via + " interrupted");
        }
    }
}
