package io.throughline.analytics.internal.attribution;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer's touchpoints in time order, ending in a conversion worth {@code value} at {@code convertedAt}, or in
 * nothing ({@code convertedAt} null, value 0) — the paths that did not convert, which only the Markov model reads.
 */
public record Journey(List<Touchpoint> touchpoints, @Nullable Instant convertedAt, double value) {

    public boolean converted() {
        return convertedAt != null;
    }
}
