package io.throughline.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message kept by the local sink instead of being sent, because its channel (SMTP, SMS provider, push
 * webhook) is not configured. The console shows them.
 */
public record SinkMessage(UUID id, UUID deliveryId, MessageChannel channel, String recipient,
        @Nullable String subject, @Nullable String text, @Nullable String html, Map<String, String> headers,
        Instant createdAt) {}
