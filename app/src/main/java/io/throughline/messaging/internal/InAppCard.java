package io.throughline.messaging.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A card shown in the brand's app or web shop, unread until the customer has seen it. */
record InAppCard(UUID id, UUID deliveryId, UUID profileId, String title, String body, String link,
        Instant createdAt, @Nullable Instant readAt) {}
