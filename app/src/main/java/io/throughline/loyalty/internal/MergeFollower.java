package io.throughline.loyalty.internal;

import io.throughline.events.LoggedEvent;
import io.throughline.events.ProfileMergeEvent;
import io.throughline.events.ProfileMergeFollower;
import io.throughline.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Follows the customers' merges and unmerges in the log: a merge moves the absorbed profile's points to the
 * survivor's account, an unmerge hands back what is left of them. The log position is the movement's reference,
 * so a batch read again after a crash moves nothing twice.
 */
@Component
class MergeFollower implements ProfileMergeFollower {

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
    public void follow(ProfileMergeEvent change, LoggedEvent event) {
        switch (change) {
            case ProfileMergeEvent.Merged merge ->
                    merged(merge.survivor(), merge.merged(), "merge:" + event.seq(), event.occurredAt());
            case ProfileMergeEvent.Unmerged unmerge ->
                    unmerged(unmerge.survivor(), unmerge.restored(), "unmerge:" + event.seq(), event.occurredAt());
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
