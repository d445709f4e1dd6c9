package io.throughline.customers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which profiles to list.
 *
 * @param query     free text matched against name, email and phone, ignoring case and accents
 * @param channel   only customers active in this channel
 * @param seenSince only customers active (in any channel, or in {@code channel}) since then
 * @param knownOnly only customers with a name, an email or a phone number, leaving out anonymous visitors
 */
public record CustomerFilter(String query, @Nullable String channel, @Nullable Instant seenSince, boolean knownOnly) {

    /** Every live profile, anonymous ones included, that matches the rest. */
    public CustomerFilter(String query, @Nullable String channel, @Nullable Instant seenSince) {
        this(query, channel, seenSince, false);
    }

    public static CustomerFilter text(String query) {
        return new CustomerFilter(query, null, null);
    }
}
