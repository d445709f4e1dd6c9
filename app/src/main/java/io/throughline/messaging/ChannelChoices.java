package io.throughline.messaging;

/**
 * Choosing the channel and the moment of a send under the customer's consent, quiet hours, frequency caps and
 * the global control group, with the reasons for every decision.
 */
public interface ChannelChoices {

    /** What would happen to the dispatch at its moment; nothing is recorded and nothing is sent (dry runs). */
    ChannelDecision decide(Dispatch dispatch);

    /**
     * Decides, records the decision with its reasons on the customer, and sends when the decision is to send.
     * A held dispatch is the caller's to dispatch again at {@link ChannelDecision.Hold#until()}. A dispatch whose
     * {@link Dispatch#key() key} was dispatched before sends nothing and answers the earlier decision; if that
     * one was interrupted between its decision and its delivery, the message is taken as sent (it may have
     * reached the channel) rather than risk sending it twice.
     */
    ChannelDecision dispatch(Dispatch dispatch);
}
