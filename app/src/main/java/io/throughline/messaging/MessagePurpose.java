package io.throughline.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a message is sent. Marketing needs the customer's marketing consent on the channel; a transactional
 * message (an order is ready for pickup) is part of a service she asked for.
 */
public enum MessagePurpose {
    MARKETING, TRANSACTIONAL;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessagePurpose> of(String key) {
        return Arrays.stream(values()).filter(value -> value.key().equals(key)).findFirst();
    }
}
