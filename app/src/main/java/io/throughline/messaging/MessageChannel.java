package io.throughline.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.throughline.privacy.Consent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a message reaches the customer, and which of her consents governs it. */
public enum MessageChannel {
    EMAIL(Consent.Channel.EMAIL),
    SMS(Consent.Channel.SMS),
    PUSH(Consent.Channel.PUSH),
    IN_APP(Consent.Channel.IN_APP),
    /** A store associate contacts the customer in person or by phone, so the phone consent governs it. */
    TASK(Consent.Channel.PHONE);

    private final Consent.Channel consentChannel;

    MessageChannel(Consent.Channel consentChannel) {
        this.consentChannel = consentChannel;
    }

    public Consent.Channel consentChannel() {
        return consentChannel;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessageChannel> of(String key) {
        return Arrays.stream(values()).filter(value -> value.key().equals(key)).findFirst();
    }
}
