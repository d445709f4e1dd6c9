package io.throughline.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A channel sells a product from {@code from} (inclusive) until {@code until} (exclusive; open-ended when null).
 *
 * @param channel a source's channel key, e.g. {@code web} or {@code shop-budapest}
 */
public record ChannelAssortment(
        @NotBlank @Pattern(regexp = CHANNEL_PATTERN, message = "must be lower-case letters, digits and dashes")
        String channel,
        @NotNull Instant from,
        @Nullable Instant until) {

    public static final String CHANNEL_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public boolean covers(Instant at) {
        return !at.isBefore(from) && (until == null || at.isBefore(until));
    }
}
