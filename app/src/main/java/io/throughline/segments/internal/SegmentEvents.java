package io.throughline.segments.internal;

import io.throughline.events.CustomerEvent;
import io.throughline.events.EventLog;
import io.throughline.events.EventNames;
import io.throughline.events.LoggedEvent;
import io.throughline.platform.Channel;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "Segment Entered" and "Segment Exited", appended with the transaction that changed the membership, so the
 * log has each change exactly once, and never one that rolled back; a synced segment's change is queued for its
 * receiver in the same transaction.
 */
@Component
class SegmentEvents {

    static final String ENTERED = EventNames.SEGMENT_ENTERED;
    static final String EXITED = EventNames.SEGMENT_EXITED;
    /** The platform's own channel for segments' events: no source's client writes them. */
    static final Channel CHANNEL = new Channel("segments", LoggedEvent.PLATFORM_SOURCE);

    private final EventLog log;
    private final AudienceSyncStore syncs;
    private final Clock clock;

    SegmentEvents(EventLog log, AudienceSyncStore syncs, Clock clock) {
        this.log = log;
        this.syncs = syncs;
        this.clock = clock;
    }

    void entered(UUID profileId, SegmentCatalogue.Live segment, Instant at) {
        append(ENTERED, profileId, segment, at);
        syncs.queue(segment.id(), profileId, AudienceSyncStore.Change.ENTERED, at);
    }

    void exited(UUID profileId, SegmentCatalogue.Live segment, Instant at) {
        append(EXITED, profileId, segment, at);
        syncs.queue(segment.id(), profileId, AudienceSyncStore.Change.EXITED, at);
    }

    private void append(String name, UUID profileId, SegmentCatalogue.Live segment, Instant at) {
        log.appendWithTransaction(CustomerEvent.track(name, CHANNEL, at).about(profileId, null)
                .property("segment_id", segment.id())
                .property("segment_key", segment.key())
                .property("segment_name", segment.name())
                .toAppend(Ids.newId(clock).toString(), clock.instant()));
    }
}
