package io.throughline.service.internal;

import io.throughline.platform.Problems;
import io.throughline.service.Received;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The raw-MIME inbound email webhook, for mail services that post each arriving email (the message as it was
 * received, {@code message/rfc822}). The sender signs the body with the inbox's shared secret, as
 * {@code X-Throughline-Signature-256: sha256=<hex HMAC-SHA256>}; a wrong or missing signature, or no secret set,
 * is a 401. Stored once per Message-ID, so a retried post is acknowledged without a second copy.
 */
@RestController
class InboundEmailController {

    static final String SIGNATURE = "X-Throughline-Signature-256";

    private final InboundEmail inbound;
    private final ServiceSettings settings;

    InboundEmailController(InboundEmail inbound, ServiceSettings settings) {
        this.inbound = inbound;
        this.settings = settings;
    }

    @PostMapping(path = "/m/service/email", consumes = {"message/rfc822", "application/octet-stream", "text/plain"})
    ResponseEntity<?> receive(@RequestBody byte[] raw,
            @RequestHeader(name = SIGNATURE, required = false) @Nullable String signature) {
        if (!signedWith(settings.get("inbound-email-secret"), raw, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "unauthorized", "Unauthorized", "The body's signature (" + SIGNATURE + ") is missing or wrong"));
        }
        MailReading.Mail mail = MailReading.read(raw, inbound.attachmentLimit());
        Received received = inbound.accept(mail);
        return ResponseEntity.accepted().body(outcome(received));
    }

    static Map<String, Object> outcome(Received received) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (received) {
            case Received.Stored stored -> {
                body.put("status", "stored");
                body.put("conversationId", stored.conversationId());
                body.put("messageId", stored.messageId());
                body.put("threading", stored.threading().name());
            }
            case Received.Duplicate duplicate -> {
                body.put("status", "duplicate");
                body.put("conversationId", duplicate.conversationId());
                body.put("messageId", duplicate.messageId());
            }
            case Received.Suppressed suppressed -> body.put("status", "suppressed");
        }
        return body;
    }

    /** HMAC-SHA256 of the body under the secret, compared in constant time. */
    static boolean signedWith(String secret, byte[] body, @Nullable String signature) {
        if (secret.isBlank() || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected,
                    signature.substring("sha256=".length()).toLowerCase(java.util.Locale.ROOT)
                            .getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            return false;
        }
    }
}
