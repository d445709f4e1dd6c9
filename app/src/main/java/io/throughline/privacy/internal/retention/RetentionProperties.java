package io.throughline.privacy.internal.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each kind of record is kept: the one place a brand sets its retention periods. A period of zero keeps
 * that kind for ever. The event log's own retention is {@code throughline.events.retention}.
 *
 * @param deliveries      messages sent (with their copies in the local mail sink), by when they were sent
 * @param decisions       channel decisions with their reasons, by when they were made
 * @param sinkMessages    mails kept by the local sink when no SMTP server is set
 * @param carts           carts neither changed nor holding anything for this long, with their lines, coupons and
 *                        hand-off codes
 * @param accessLog       the audit of staff reads of personal data
 * @param consentProofs   proofs of consent changes; the latest per purpose and channel is always kept, since it
 *                        proves the consent in force
 * @param subjectRequests closed data-subject requests, by when they were closed
 * @param schedule        when the job runs (cron, server time)
 */
@ConfigurationProperties("throughline.privacy.retention")
record RetentionProperties(
        @DefaultValue("400d") Duration deliveries,
        @DefaultValue("400d") Duration decisions,
        @DefaultValue("30d") Duration sinkMessages,
        @DefaultValue("90d") Duration carts,
        @DefaultValue("730d") Duration accessLog,
        @DefaultValue("1095d") Duration consentProofs,
        @DefaultValue("1095d") Duration subjectRequests,
        @DefaultValue("0 30 3 * * *") String schedule) {}
