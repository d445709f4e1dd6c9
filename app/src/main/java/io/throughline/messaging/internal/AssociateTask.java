package io.throughline.messaging.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task on a shop's associate list, e.g. "call Anna: her order is ready". */
record AssociateTask(UUID id, UUID deliveryId, UUID profileId, String location, String title, String body,
        Instant createdAt, @Nullable Instant doneAt) {}
