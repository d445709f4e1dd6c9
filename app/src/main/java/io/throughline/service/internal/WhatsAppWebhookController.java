package io.throughline.service.internal;

import io.throughline.events.Identifier;
import io.throughline.platform.Problems;
import io.throughline.service.Conversations;
import io.throughline.service.Inbound;
import io.throughline.service.Medium;
import io.throughline.service.Received;
import io.throughline.tracking.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WhatsApp Cloud API webhooks in Meta's format. The subscription check ({@code GET} with {@code hub.mode},
 * {@code hub.verify_token} and {@code hub.challenge}) answers the challenge when the token is the inbox's. Each
 * notification is signed in {@code X-Hub-Signature-256} ({@code sha256=} and the hex HMAC-SHA256 of the body
 * under the app secret); a wrong or missing one is a 401. Every message of every entry joins the case of the
 * customer whose phone number (the {@code wa_id}) it came from; a redelivered notification (same message ids) is
 * stored once; delivery statuses are acknowledged and ignored.
 */
@RestController
class WhatsAppWebhookController {

    static final String SIGNATURE = "X-Hub-Signature-256";

    private final Conversations conversations;
    private final ServiceSettings settings;
    private final Channels channels;
    private final JsonMapper json;
    private final Clock clock;

    WhatsAppWebhookController(Conversations conversations, ServiceSettings settings, Channels channels,
            JsonMapper json, Clock clock) {
        this.conversations = conversations;
        this.settings = settings;
        this.channels = channels;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/m/service/whatsapp")
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
            @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
            @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
        String expected = settings.get("whatsapp-verify-token");
        if (!"subscribe".equals(mode) || expected.isBlank() || token == null || challenge == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("forbidden");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping(path = "/m/service/whatsapp", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@RequestBody byte[] raw,
            @RequestHeader(name = SIGNATURE, required = false) @Nullable String signature) {
        if (!InboundEmailController.signedWith(settings.get("whatsapp-app-secret"), raw, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "unauthorized", "Unauthorized", "The body's signature (" + SIGNATURE + ") is missing or wrong"));
        }
        JsonNode notification;
        try {
            notification = json.readTree(raw);
        } catch (JacksonException malformed) {
            return ResponseEntity.badRequest().body(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST,
                    "invalid-request", "Invalid request", "The body is not JSON"),
                    List.of(new Problems.FieldError("$", "is not JSON"))));
        }
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (JsonNode entry : notification.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode message : change.path("value").path("messages")) {
                    outcomes.add(receive(message));
                }
            }
        }
        return ResponseEntity.ok(Map.of("messages", outcomes));
    }

    private Map<String, Object> receive(JsonNode message) {
        String from = message.path("from").asString("");
        String id = message.path("id").asString("");
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("id", id);
        if (from.isBlank() || id.isBlank()) {
            outcome.put("status", "ignored: no sender or id");
            return outcome;
        }
        Received received = conversations.receive(new Inbound(Medium.WHATSAPP,
                channels.resolve(settings.get("whatsapp-channel")),
                List.of(new Identifier(Identifier.PHONE, from.startsWith("+") ? from : "+" + from)),
                "whatsapp:" + id, text(message), null, null, null, sentAt(message)));
        outcome.putAll(InboundEmailController.outcome(received));
        return outcome;
    }

    /** The words of a text; for anything else (a picture, a location, a button), what it was and its caption. */
    private static String text(JsonNode message) {
        String type = message.path("type").asString("text");
        if ("text".equals(type)) {
            String body = message.path("text").path("body").asString("");
            return body.isBlank() ? "(empty message)" : body;
        }
        if ("button".equals(type)) {
            return message.path("button").path("text").asString("[button]");
        }
        if ("interactive".equals(type)) {
            JsonNode reply = message.path("interactive");
            JsonNode chosen = reply.has("button_reply") ? reply.path("button_reply") : reply.path("list_reply");
            return chosen.path("title").asString("[interactive reply]");
        }
        String caption = message.path(type).path("caption").asString("");
        return "[" + type.toLowerCase(Locale.ROOT) + "]" + (caption.isBlank() ? "" : " " + caption);
    }

    private Instant sentAt(JsonNode message) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(message.path("timestamp").asString("")));
        } catch (NumberFormatException missing) {
            return clock.instant();
        }
    }
}
