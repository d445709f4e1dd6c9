package io.throughline.carts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.throughline.platform.TooManyAttempts;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How often one member of staff may try to claim handoff codes: a till scans a few a minute, someone guessing
 * codes to open other shoppers' carts would try thousands. Per node, in memory.
 */
@Component
class HandoffClaimLimits {

    static final int CLAIMS_PER_MINUTE = 20;

    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    /** Takes one claim from the member of staff's allowance, or refuses with how long to wait. */
    void admit(UUID staffId) {
        Bucket bucket = buckets.get(staffId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(CLAIMS_PER_MINUTE)
                        .refillGreedy(CLAIMS_PER_MINUTE, Duration.ofMinutes(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyAttempts("code", "Too many handoff codes tried; wait a moment and scan again",
                    (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        }
    }
}
