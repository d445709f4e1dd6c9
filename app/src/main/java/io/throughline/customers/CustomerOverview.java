package io.throughline.customers;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.throughline.privacy.Consent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Everything the customers module knows of one customer, for Customer 360 and the API. */
public record CustomerOverview(CustomerProfile profile, List<Identity> identities, List<Trait> traits,
        List<ChannelActivity> channels, List<Consent> consents, List<Merge> merges) {

    /** One identifier of the customer, as normalised, and when it was first seen. */
    public record Identity(String type, String value, Instant firstSeenAt) {}

    /** A trait from identify calls; {@code value} is JSON. */
    public record Trait(String name, @JsonRawValue String value, Instant observedAt) {}

    /** Where the customer has been active. */
    public record ChannelActivity(String channel, Instant firstSeenAt, Instant lastSeenAt, long events) {}

    /** A merge that involved the customer's profile, and whether it was undone. */
    public record Merge(UUID id, UUID survivorId, UUID mergedId, String cause, Instant mergedAt,
            @Nullable Instant unmergedAt) {}

    public @Nullable Instant firstSeenAt() {
        return channels.stream().map(ChannelActivity::firstSeenAt).min(Instant::compareTo).orElse(null);
    }

    public @Nullable Instant lastSeenAt() {
        return channels.stream().map(ChannelActivity::lastSeenAt).max(Instant::compareTo).orElse(null);
    }
}
