package io.throughline.messaging.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.messaging.Message;
import io.throughline.messaging.MessagePurpose;
import io.throughline.privacy.Consent;
import java.util.List;

/**
 * What a send is decided and made on, read once per dispatch: the message, the customer's live profile, her
 * consents (only a marketing message needs them) and the channel settings in force. The channel choice reads
 * them under its lock and the send that follows its commit uses the same, rather than reading each again.
 */
record SendFacts(Message message, CustomerProfile profile, List<Consent> consents, ChannelSettings.Values settings) {

    SendFacts {
        consents = List.copyOf(consents);
    }

    /** Whether the consents were worth reading: the hard rules only weigh them for marketing. */
    static boolean needsConsents(Message message) {
        return message.purpose() == MessagePurpose.MARKETING;
    }
}
