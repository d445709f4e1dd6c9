package io.throughline.customers.internal;

import io.throughline.events.Identifier;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param blockedValues   identifier values that never match anyone (besides values of only zeros and dashes)
 * @param maxPerProfile   per identifier type, how many different values one profile may hold; an identifier
 *                        beyond the limit stays on its event but joins no profile
 * @param cacheSize       identifiers kept in memory for resolution without a database read
 */
@ConfigurationProperties("throughline.identity")
record IdentityProperties(
        @DefaultValue({"null", "undefined", "anonymous", "unknown", "none", "nan", "0", "-1", "n/a"})
        Set<String> blockedValues,
        @Nullable Map<String, Integer> maxPerProfile,
        @DefaultValue("1000000") long cacheSize) {

    IdentityProperties {
        maxPerProfile = maxPerProfile == null || maxPerProfile.isEmpty()
                ? Map.of(Identifier.USER_ID, 1) : Map.copyOf(maxPerProfile);
    }
}
