package io.throughline.segments.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timerPoll  how often the worker looks for due expiry timers and batch work when the last look found none
 * @param timerBatch how many due expiry timers one transaction claims
 * @param batchChunk how many profiles one transaction of a batch evaluation takes
 * @param retention  how long behaviour is kept: at least the longest window a definition may have
 */
@ConfigurationProperties("throughline.segments")
record SegmentsProperties(
        @DefaultValue("250ms") Duration timerPoll,
        @DefaultValue("500") int timerBatch,
        @DefaultValue("2000") int batchChunk,
        @DefaultValue("367d") Duration retention) {}
