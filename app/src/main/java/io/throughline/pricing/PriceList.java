package io.throughline.pricing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A list of prices in one currency for some channels (none listed: every channel), one customer group (null:
 * everyone) and a date range ({@code validFrom} inclusive, {@code validUntil} exclusive, null: open). When
 * several lists match a quote, the highest {@code priority} that has the SKU gives its price.
 */
public record PriceList(UUID id, String name, String currency, List<String> channels,
        @Nullable String customerGroup, @Nullable Instant validFrom, @Nullable Instant validUntil, int priority,
        long entries, Instant createdAt) {

    /** The channel keys sources use: lower-case letters, digits and dashes. */
    public static final String CHANNEL_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public PriceList {
        channels = List.copyOf(channels);
    }

    /** Whether a quote in this channel, currency and group at that instant may take prices from this list. */
    public boolean matches(String channel, String currency, @Nullable String group, Instant at) {
        return this.currency.equals(currency)
                && (channels.isEmpty() || channels.contains(channel))
                && (customerGroup == null || customerGroup.equals(group))
                && (validFrom == null || !at.isBefore(validFrom))
                && (validUntil == null || at.isBefore(validUntil));
    }
}
