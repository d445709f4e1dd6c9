package io.throughline.tracking;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to register a source. The channel key is lower-case letters, digits and dashes. Without a trust
 * level, the source gets the one its channel type usually has ({@link SourceTrust#usualFor}).
 */
public record NewSource(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be lower-case letters, digits and dashes")
        String channel,
        @NotNull ChannelType channelType,
        @Nullable @Min(1) @Max(1_000_000) Integer eventsPerSecond,
        @Nullable SourceTrust trust) {

    public static final int DEFAULT_EVENTS_PER_SECOND = 5_000;

    /** The channel of the events the platform writes itself ("Profiles Merged", …); no source may use it. */
    public static final String RESERVED_CHANNEL = "platform";

    public NewSource(String name, String channel, ChannelType channelType, @Nullable Integer eventsPerSecond) {
        this(name, channel, channelType, eventsPerSecond, null);
    }

    @AssertFalse(message = "channel 'platform' is reserved for the platform's own events")
    public boolean isChannelReserved() {
        return RESERVED_CHANNEL.equals(channel);
    }

    public int eventsPerSecondOrDefault() {
        return eventsPerSecond == null ? DEFAULT_EVENTS_PER_SECOND : eventsPerSecond;
    }

    public SourceTrust trustOrUsual() {
        return trust == null ? SourceTrust.usualFor(channelType) : trust;
    }
}
