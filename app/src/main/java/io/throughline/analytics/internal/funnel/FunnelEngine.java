package io.throughline.analytics.internal.funnel;

import io.throughline.analytics.FunnelStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Walks one customer's events through a funnel: she enters at her first event of the first step in the period, and
 * reaches each next step with the first event of its name at or after the step before, within that step's window.
 */
public final class FunnelEngine {

    /** One event of a customer, as the funnel reads it. */
    public record Step(String event, String channel, Instant at) {}

    /** How far she got: the number of steps reached (0 when she never entered), and the channel she entered in. */
    public record Progress(UUID profileId, int reached, String entryChannel, List<Instant> times) {}

    private final List<FunnelStep> steps;

    public FunnelEngine(List<FunnelStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Her progress, given her events in time order: she enters with the first step's event in
     * {@code [enteredFrom, enteredBefore)}, in {@code entryChannel} when one is named.
     */
    public Optional<Progress> walk(UUID profileId, List<Step> events, Instant enteredFrom, Instant enteredBefore,
            @Nullable String entryChannel) {
        Step entry = null;
        for (Step event : events) {
            if (event.event().equals(steps.getFirst().event()) && !event.at().isBefore(enteredFrom)
                    && event.at().isBefore(enteredBefore)
                    && (entryChannel == null || entryChannel.equals(event.channel()))) {
                entry = event;
                break;
            }
        }
        if (entry == null) {
            return Optional.empty();
        }
        List<Instant> times = new ArrayList<>();
        times.add(entry.at());
        Instant previous = entry.at();
        for (int index = 1; index < steps.size(); index++) {
            FunnelStep step = steps.get(index);
            Instant deadline = previous.plus(step.window());
            Instant found = null;
            for (Step event : events) {
                if (event.event().equals(step.event()) && !event.at().isBefore(previous)
                        && !event.at().isAfter(deadline)) {
                    found = event.at();
                    break;
                }
            }
            if (found == null) {
                break;
            }
            times.add(found);
            previous = found;
        }
        return Optional.of(new Progress(profileId, times.size(), entry.channel(), times));
    }
}
