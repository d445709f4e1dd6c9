package io.throughline.service.internal;

import io.throughline.service.Medium;
import java.util.UUID;

/**
 * The port through which an agent's answer leaves on a messaging medium (SMS, WhatsApp), one adapter per medium,
 * shaped like messaging's channel port: failure is a result, so the answer is stored with why it did not go.
 */
sealed interface ReplyChannel permits SmsReplies, WhatsAppReplies {

    Medium medium();

    Result deliver(Outgoing outgoing);

    /** @param recipient the number she wrote from */
    record Outgoing(UUID messageId, UUID profileId, String recipient, String text) {}

    sealed interface Result {

        /** Handed to the provider (or kept where the console shows it, when no provider is set). */
        record Sent(String via) implements Result {}

        record Failed(String reason) implements Result {}
    }
}
