package io.throughline.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Not sent: no consent, no address, or the channel is not configured; the reason says which. */
    REFUSED,
    /** Handed to the channel (SMTP server, SMS provider, webhook, mail sink). */
    SENT,
    /** Known to have reached the customer: stored as an in-app card or task, or confirmed by the provider. */
    DELIVERED,
    /** The provider could not deliver it. */
    BOUNCED,
    /** The channel failed when it was handed over. */
    FAILED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
