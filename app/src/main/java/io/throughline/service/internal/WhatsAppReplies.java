package io.throughline.service.internal;

import io.throughline.service.Medium;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers on WhatsApp through the Cloud API: {@code POST {api}/{phone-number-id}/messages} with the business's
 * access token and a text message to the number she wrote from. Without a phone number id the answer is only
 * recorded on her thread (nothing to send it with).
 */
@Component
final class WhatsAppReplies implements ReplyChannel {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ServiceSettings settings;
    private final JsonMapper json;

    WhatsAppReplies(ServiceSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public Medium medium() {
        return Medium.WHATSAPP;
    }

    @Override
    public Result deliver(Outgoing outgoing) {
        String phoneNumberId = settings.get("whatsapp-phone-number-id");
        if (phoneNumberId.isBlank()) {
            return new Result.Sent("recorded");
        }
        String to = outgoing.recipient().startsWith("+") ? outgoing.recipient().substring(1) : outgoing.recipient();
        Map<String, Object> body = Map.of("messaging_product", "whatsapp", "recipient_type", "individual",
                "to", to, "type", "text", "text", Map.of("preview_url", false, "body", outgoing.text()));
        String api = settings.get("whatsapp-api-url").replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/" + phoneNumberId + "/messages"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.get("whatsapp-token"))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? new Result.Sent("whatsapp")
                    : new Result.Failed("whatsapp answered HTTP " + response.statusCode());
        } catch (IOException | IllegalArgumentException failed) {
            return new Result.Failed("whatsapp unreachable: " + failed.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Result.Failed("whatsapp interrupted");
        }
    }
}
