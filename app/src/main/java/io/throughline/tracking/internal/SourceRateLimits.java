package io.throughline.tracking.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.throughline.tracking.Source;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each source's events-per-second allowance, as a token bucket: a source may burst up to one second's
 * allowance (at least one full batch), then is held to its rate. Per node: with N nodes behind a balancer
 * a source gets about N times its rate, which the operations guide notes.
 */
@Component
class SourceRateLimits {

    private record Key(UUID sourceId, int eventsPerSecond) {}

    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /** Empty when the events may pass; otherwise how many seconds to wait before retrying. */
    OptionalLong admit(Source source, int events) {
        Bucket bucket = buckets.get(new Key(source.id(), source.eventsPerSecond()), key -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(Math.max(key.eventsPerSecond(), SegmentRequestReader.MAX_BATCH_EVENTS))
                        .refillGreedy(key.eventsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(Math.max(events, 1));
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
