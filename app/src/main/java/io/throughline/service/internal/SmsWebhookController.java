package io.throughline.service.internal;

import io.throughline.events.Identifier;
import io.throughline.platform.Problems;
import io.throughline.service.Conversations;
import io.throughline.service.Inbound;
import io.throughline.service.Medium;
import io.throughline.service.Received;
import io.throughline.tracking.Channels;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inbound SMS in the format of Twilio's messaging webhook: a form post with {@code From}, {@code To},
 * {@code Body} and {@code MessageSid}, signed in {@code X-Twilio-Signature} (Base64 of HMAC-SHA1 under the
 * account's auth token, over the webhook's URL followed by each parameter's name and value in name order). A wrong
 * or missing signature, or no token set, is a 401. The message joins her case through her phone number; a retried
 * post (same MessageSid) is stored once. The answer is empty TwiML: replies go out when an agent writes them.
 */
@RestController
class SmsWebhookController {

    static final String SIGNATURE = "X-Twilio-Signature";

    private final Conversations conversations;
    private final ServiceSettings settings;
    private final Channels channels;
    private final Clock clock;

    SmsWebhookController(Conversations conversations, ServiceSettings settings, Channels channels, Clock clock) {
        this.conversations = conversations;
        this.settings = settings;
        this.channels = channels;
        this.clock = clock;
    }

    @PostMapping(path = "/m/service/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> receive(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
            @RequestHeader(name = SIGNATURE, required = false) @Nullable String signature) {
        if (!signed(settings.get("sms-auth-token"), url(request), form, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "unauthorized", "Unauthorized", "The request's signature (" + SIGNATURE + ") is missing or wrong"));
        }
        String from = form.getFirst("From");
        String sid = form.getFirst("MessageSid");
        if (from == null || from.isBlank() || sid == null || sid.isBlank()) {
            return ResponseEntity.badRequest().body(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST,
                    "invalid-request", "Invalid request", "An inbound SMS names its sender and its id"),
                    List.of(new Problems.FieldError(from == null || from.isBlank() ? "From" : "MessageSid",
                            "must not be blank"))));
        }
        String body = form.getFirst("Body") == null ? "" : form.getFirst("Body");
        int media = parse(form.getFirst("NumMedia"));
        String text = body.isBlank() && media > 0 ? "[" + media + " picture(s) sent by MMS]" : body;
        Received received = conversations.receive(new Inbound(Medium.SMS,
                channels.resolve(settings.get("sms-channel")), List.of(new Identifier(Identifier.PHONE, from.strip())),
                "sms:" + sid.strip(), text.isBlank() ? "(empty message)" : text, null, null, null, clock.instant()));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).header("X-Throughline-Outcome", outcome(received))
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
    }

    private static String outcome(Received received) {
        return switch (received) {
            case Received.Stored stored -> "stored " + stored.conversationId();
            case Received.Duplicate duplicate -> "duplicate " + duplicate.conversationId();
            case Received.Suppressed suppressed -> "suppressed";
        };
    }

    /** The URL the provider called: the configured one behind a proxy, else the one this request arrived at. */
    private String url(HttpServletRequest request) {
        String configured = settings.get("sms-webhook-url");
        if (!configured.isBlank()) {
            return configured;
        }
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    static boolean signed(String token, String url, MultiValueMap<String, String> form, @Nullable String signature) {
        if (token.isBlank() || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(token, url, form).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    static String sign(String token, String url, MultiValueMap<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, List<String>> field : new TreeMap<>(form).entrySet()) {
            for (String value : field.getValue()) {
                data.append(field.getKey()).append(value == null ? "" : value);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", unavailable);
        }
    }

    private static int parse(@Nullable String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
