package io.throughline.events.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dedupWindow      how long a (source, message id) pair is remembered to recognise retries
 * @param retention        how long events are kept; older monthly partitions are dropped
 * @param maxBatchEvents   the most events one group commit writes
 * @param maxQueuedBytes   memory the queue of uncommitted events may hold before appends are refused
 * @param commitDelay      how long the writer waits for more requests to share a commit
 * @param processorBatch   the most events a processor is handed at once
 */
@ConfigurationProperties("throughline.events")
record EventsProperties(
        @DefaultValue("7d") Duration dedupWindow,
        @DefaultValue("730d") Duration retention,
        @DefaultValue("5000") int maxBatchEvents,
        @DefaultValue("268435456") long maxQueuedBytes,
        @DefaultValue("2ms") Duration commitDelay,
        @DefaultValue("1000") int processorBatch) {}
