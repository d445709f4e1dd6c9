package io.throughline.journeys.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One customer's instance of a journey version as the engine works on it: the walk moves it on in memory, and
 * the transaction that moved it writes it back.
 */
final class Instance {

    final UUID id;
    final String journey;
    final int version;
    final UUID profileId;
    final Instant enteredAt;
    InstanceState state;
    String step;
    /** Counts the times it parked; a timer or an awaited event only moves it while the stage is still theirs. */
    int stage;
    @Nullable String waitingFor;
    /** The JSON its messages may use. */
    String data;

    Instance(UUID id, String journey, int version, UUID profileId, Instant enteredAt, InstanceState state,
            String step, int stage, @Nullable String waitingFor, String data) {
        this.id = id;
        this.journey = journey;
        this.version = version;
        this.profileId = profileId;
        this.enteredAt = enteredAt;
        this.state = state;
        this.step = step;
        this.stage = stage;
        this.waitingFor = waitingFor;
        this.data = data;
    }

    /** A copy that the walks of this transaction can no longer change. */
    Instance copy() {
        return new Instance(id, journey, version, profileId, enteredAt, state, step, stage, waitingFor, data);
    }

    boolean active() {
        return state == InstanceState.ACTIVE;
    }

    /** Whether it still stands where the intent left it: in flight, at the same stage and step. */
    boolean at(int stage, String step) {
        return active() && this.stage == stage && this.step.equals(step);
    }
}
