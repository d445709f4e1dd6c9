package io.throughline.loyalty.internal;

import io.throughline.events.EventNames;
import io.throughline.events.EventProcessor;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the customers' merges and unmerges in the log: a merge moves the absorbed profile's points to the
 * survivor's account, an unmerge hands back what is left of them. The log position is the movement's reference,
 * so a batch read again after a crash moves nothing twice.
 */
@Component
class MergeFollower implements EventProcessor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LedgerStore store;
    private final Ledger ledger;
    private final Clock clock;

    MergeFollower(LedgerStore store, Ledger ledger, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "loyalty.merges";
    }

    @Override
    public Set<EventType> types() {
        return EnumSet.of(EventType.TRACK);
    }

    @Override
    public Set<String> names() {
        return Set.of(EventNames.PROFILES_MERGED, EventNames.PROFILES_UNMERGED);
    }

    @Override
    public void process(List<LoggedEvent> events) {
        for (LoggedEvent event : events) {
            if (!event.fromPlatform()) {
                continue;
            }
            JsonNode properties = JSON.readTree(event.payload()).path("properties");
            if (EventNames.PROFILES_MERGED.equals(event.name())) {
                merged(UUID.fromString(properties.path("survivor").asString()),
                        UUID.fromString(properties.path("merged").asString()), "merge:" + event.seq(),
                        event.occurredAt());
            } else if (EventNames.PROFILES_UNMERGED.equals(event.name())) {
                unmerged(UUID.fromString(properties.path("survivor").asString()),
                        UUID.fromString(properties.path("restored").asString()), "unmerge:" + event.seq(),
                        event.occurredAt());
            }
        }
    }

    /** The absorbed profile's account joins the survivor's; nothing to do when she had none. */
    void merged(UUID survivorProfile, UUID absorbedProfile, String reference, Instant at) {
        Optional<UUID> absorbed = store.ownAccount(absorbedProfile);
        if (absorbed.isEmpty()) {
            return;
        }
        UUID survivor = store.accountFor(survivorProfile, Ids.newId(clock), clock.instant());
        if (!survivor.equals(absorbed.get())) {
            ledger.merge(survivor, absorbed.get(), reference, at);
        }
    }

    void unmerged(UUID survivorProfile, UUID restoredProfile, String reference, Instant at) {
        Optional<UUID> restored = store.ownAccount(restoredProfile);
        Optional<UUID> survivor = store.ownAccount(survivorProfile);
        if (restored.isPresent() && survivor.isPresent()) {
            ledger.unmerge(survivor.get(), restored.get(), reference, at);
        }
    }
}
