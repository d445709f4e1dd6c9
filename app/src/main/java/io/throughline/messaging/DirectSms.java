package io.throughline.messaging;

import java.util.UUID;

/**
 * Text messages that answer a customer who wrote by SMS: sent through the same provider as every other SMS (or
 * kept in the local sink when none is set), but as an answer she asked for, so marketing consent, quiet hours
 * and frequency caps do not apply and no delivery of a message is recorded.
 */
public interface DirectSms {

    Outcome send(UUID profileId, String to, String text);

    /** What the provider did with it. */
    sealed interface Outcome {

        record Sent(String via) implements Outcome {}

        record Failed(String reason) implements Outcome {}
    }
}
