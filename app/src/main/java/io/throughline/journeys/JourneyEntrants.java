package io.throughline.journeys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who entered a journey and whether its control group held her out, so that analytics can measure the journey's lift:
 * the conversion of those who got the treatment against those held out.
 */
public interface JourneyEntrants {

    /** Entries into any version of the journey in {@code [from, to)}, oldest first, at most {@code limit}. */
    List<Entrant> entered(String journeyKey, Instant from, Instant to, int limit);

    /** One entry: whose, into which version, when, and whether a control-group split held her out. */
    record Entrant(UUID profileId, int version, Instant enteredAt, boolean heldOut) {}
}
