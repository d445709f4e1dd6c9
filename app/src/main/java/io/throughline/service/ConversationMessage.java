package io.throughline.service;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message, note or call on a case.
 *
 * @param bodyHtml   an email's HTML, already sanitised; null for other media
 * @param delivery   how an outbound message went out ({@code smtp}, {@code chat}, {@code recorded}) or
 *                   {@code received} for an inbound one
 */
public record ConversationMessage(UUID id, UUID conversationId, MessageKind kind, Direction direction, Medium medium,
        String channel, @Nullable UUID authorStaffId, String bodyText, @Nullable String bodyHtml,
        @Nullable Integer callSeconds, @Nullable String callDisposition, String delivery, Instant createdAt) {}
