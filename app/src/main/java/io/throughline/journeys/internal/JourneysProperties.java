package io.throughline.journeys.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timerPoll    how often the poller looks for due timers when the last look found none
 * @param timerBatch   how many due timers one transaction claims and fires
 * @param timerThreads how many pollers fire timers at once (each claims its own batches)
 * @param webhookTimeout how long a webhook step waits for the receiver's answer
 * @param sendThreads  how many threads dispatch the sends of event-triggered journeys after their commit
 * @param sendLease    how long a sender owns a send intent; one still there after that was left by a crash and
 *                     is sent by the next poller
 * @param webhookHosts the hosts webhook steps may call, set by an administrator ({@code *.example.com} for its
 *                     subdomains); none by default, so webhook steps are refused until some are listed
 * @param webhookInternalAddresses whether a listed host may resolve to a loopback or private address (a receiver
 *                     inside the brand's network); off by default
 */
@ConfigurationProperties("throughline.journeys")
record JourneysProperties(
        @DefaultValue("250ms") Duration timerPoll,
        @DefaultValue("500") int timerBatch,
        @DefaultValue("2") int timerThreads,
        @DefaultValue("5s") Duration webhookTimeout,
        @DefaultValue("2") int sendThreads,
        @DefaultValue("1m") Duration sendLease,
        @DefaultValue("") java.util.List<String> webhookHosts,
        @DefaultValue("false") boolean webhookInternalAddresses) {

    WebhookHosts webhooks() {
        return new WebhookHosts(webhookHosts, webhookInternalAddresses);
    }
}
