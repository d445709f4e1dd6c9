package io.throughline.orders.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param slowCardDelay  how long the test processor thinks about its slow card (4000000000000259)
 * @param reconcileAfter how old an unfinished checkout must be before reconciliation settles it while the
 *                       process runs (at start, every checkout older than the process is settled)
 * @param reconcileEvery how often reconciliation runs
 * @param repeatWait     how long a repeat of an idempotency key waits for the first request to finish
 */
@ConfigurationProperties("throughline.orders")
record OrdersProperties(@DefaultValue("1500ms") Duration slowCardDelay, @DefaultValue("2m") Duration reconcileAfter,
        @DefaultValue("1m") Duration reconcileEvery, @DefaultValue("60s") Duration repeatWait) {}
