package io.throughline.journeys;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether triggers enter customers into a journey. */
public enum JourneyStatus {
    /** Saved, never activated. */
    DRAFT,
    ACTIVE,
    /** No new entries; customers in flight carry on. */
    PAUSED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
