package io.throughline.journeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * "What would this journey do for this customer from {@code start} if these events happened?"
 *
 * @param start  the simulated moment of entry; now when null
 * @param events hypothetical events with their moments, e.g. an "Order Completed" 30 hours after the start
 * @param data   what an API entry would carry
 */
public record DryRunRequest(@NotNull UUID profileId, @Nullable Instant start,
        @Nullable @Size(max = 100) List<@Valid HypotheticalEvent> events, @Nullable Map<String, Object> data) {

    public List<HypotheticalEvent> eventsOrNone() {
        return events == null ? List.of() : events;
    }

    /** An event the customer might do, at a simulated moment. */
    public record HypotheticalEvent(@NotBlank @Size(max = 200) String event, @NotNull Instant at,
            @Nullable Map<String, Object> properties) {}
}
