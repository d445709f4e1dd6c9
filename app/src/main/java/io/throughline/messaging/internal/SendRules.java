package io.throughline.messaging.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.messaging.MessageChannel;
import io.throughline.messaging.MessagePurpose;
import io.throughline.privacy.Consent;
import java.util.List;
import java.util.Optional;

/**
 * The hard rules of every send, whoever asks: marketing needs the customer's marketing consent on the channel,
 * email and SMS need an address, and a transactional one a verified address. Both a direct send and the channel choice apply them, so that a choice
 * never picks a channel the send would refuse.
 */
final class SendRules {

    private SendRules() {}

    /** Why the message may not go to this customer on this channel, if it may not. */
    static Optional<String> refusal(MessagePurpose purpose, MessageChannel channel, CustomerProfile profile,
            List<Consent> consents) {
        if (purpose == MessagePurpose.MARKETING) {
            Optional<Consent> consent = consents.stream()
                    .filter(stated -> stated.purpose() == Consent.Purpose.MARKETING
                            && stated.channel() == channel.consentChannel())
                    .findFirst();
            if (consent.isEmpty()) {
                return Optional.of("no marketing consent for " + channel.consentChannel().key());
            }
            if (!consent.get().granted()) {
                return Optional.of("marketing consent for " + channel.consentChannel().key() + " refused ("
                        + consent.get().source() + ")");
            }
        }
        if (channel == MessageChannel.EMAIL && profile.email() == null) {
            return Optional.of("the customer has no email address");
        }
        if (channel == MessageChannel.SMS && profile.phone() == null) {
            return Optional.of("the customer has no phone number");
        }
        // A transactional message carries codes or personal data (a pickup code, a receipt); an address that only
        // a browser or an app stated may be anyone's, so it gets none of them.
        if (purpose == MessagePurpose.TRANSACTIONAL && channel == MessageChannel.EMAIL && !profile.hasVerifiedEmail()) {
            return Optional.of("the customer's email address is not verified");
        }
        if (purpose == MessagePurpose.TRANSACTIONAL && channel == MessageChannel.SMS && !profile.hasVerifiedPhone()) {
            return Optional.of("the customer's phone number is not verified");
        }
        return Optional.empty();
    }
}
