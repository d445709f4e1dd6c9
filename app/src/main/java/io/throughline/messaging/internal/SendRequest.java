package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A send of a message to a customer on a channel.
 *
 * @param data     what the templates may use beyond the customer's traits, e.g. {@code {"cart": {…}}}
 * @param location the shop channel key whose associates get a task, e.g. {@code shop-budapest}; tasks only
 */
record SendRequest(@NotNull UUID messageId, @NotNull UUID profileId, @NotNull MessageChannel channel,
        @Nullable Map<String, Object> data,
        @Nullable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String location) {

    public SendRequest {
        data = data == null ? Map.of() : data;
    }
}
