package io.throughline.customers.internal;

import io.throughline.customers.CustomerNotes;
import io.throughline.customers.CustomerProfiles;
import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A note is an event of the platform's own channel on the customer's timeline, so that every member of staff
 * reads it in the same thread as her orders and messages, and erasure takes it with the rest of her events.
 */
@Service
class TimelineNotes implements CustomerNotes {

    private final CustomerProfiles profiles;
    private final EventLog eventLog;
    private final Clock clock;

    TimelineNotes(CustomerProfiles profiles, EventLog eventLog, Clock clock) {
        this.profiles = profiles;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void add(UUID profileId, UUID staffId, String text) {
        String note = text.strip();
        if (note.isEmpty()) {
            throw new InvalidRequestException("text", "must not be blank");
        }
        if (note.length() > MAX_LENGTH) {
            throw new InvalidRequestException("text", "must be at most " + MAX_LENGTH + " characters");
        }
        UUID live = profiles.get(profileId).id();
        Instant now = clock.instant();
        eventLog.appendWithTransaction(CustomerEvent.track(EventNames.NOTE_ADDED, CustomerEvent.PLATFORM, now)
                .about(live, null)
                .property("text", note)
                .property("staffId", staffId)
                .toAppend(Ids.newId(clock).toString(), now));
    }
}
