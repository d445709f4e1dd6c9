package io.throughline.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One consent statement: for a purpose, on a channel, granted or refused, where it came from and when.
 *
 * @param source where the customer said it, e.g. {@code identify:web} or {@code staff:<staff id>}
 */
public record Consent(Purpose purpose, Channel channel, boolean granted, String source, Instant recordedAt) {

    /** Why a customer's data is used. */
    public enum Purpose {
        MARKETING, PERSONALIZATION, ANALYTICS;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Purpose> of(String key) {
            return java.util.Arrays.stream(values()).filter(value -> value.key().equals(key)).findFirst();
        }
    }

    /** How a customer is reached. */
    public enum Channel {
        EMAIL, SMS, PUSH, IN_APP, PHONE;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Channel> of(String key) {
            return java.util.Arrays.stream(values()).filter(value -> value.key().equals(key)).findFirst();
        }
    }
}
