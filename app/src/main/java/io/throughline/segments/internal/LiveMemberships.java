package io.throughline.segments.internal;

import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The live path's one job: evaluate one customer's segments at a moment, in the caller's transaction (which
 * holds her facts row), write what changed with its "Segment Entered" / "Segment Exited", and set her expiry
 * timer to the next moment her memberships could change with no new event.
 */
@Component
class LiveMemberships {

    private final FactStore facts;
    private final MembershipStore memberships;
    private final ExpiryStore expiries;
    private final SegmentEvents events;
    private final Consents consents;

    LiveMemberships(FactStore facts, MembershipStore memberships, ExpiryStore expiries, SegmentEvents events,
            Consents consents) {
        this.facts = facts;
        this.memberships = memberships;
        this.expiries = expiries;
        this.events = events;
        this.consents = consents;
    }

    /** What one evaluation changed. */
    record Changes(int entered, int exited) {}

    /**
     * @param consentOverlay consent just stated in an identify call the privacy module may not have recorded
     *                       yet ({@code marketing:email} → granted), or empty
     */
    Changes evaluate(UUID profileId, Instant now, SegmentCatalogue.Loaded segments, Map<String, Boolean> consentOverlay) {
        facts.setConsents(profileId, consentsOf(profileId, consentOverlay));
        Facts known = facts.load(profileId);
        Map<UUID, Instant> current = memberships.of(profileId);
        Map<String, Boolean> results = new HashMap<>();
        @Nullable Instant next = null;
        int entered = 0;
        int exited = 0;
        for (SegmentCatalogue.Live segment : segments.ordered()) {
            LiveEvaluator.Outcome outcome = LiveEvaluator.evaluate(segment.definition().condition(), known, now,
                    key -> results.getOrDefault(key, false));
            results.put(segment.key(), outcome.member());
            if (outcome.nextChange() != null && (next == null || outcome.nextChange().isBefore(next))) {
                next = outcome.nextChange();
            }
            boolean was = current.containsKey(segment.id());
            if (outcome.member() && !was && memberships.enter(segment.id(), profileId, now)) {
                events.entered(profileId, segment, now);
                entered++;
            } else if (!outcome.member() && was && memberships.exit(segment.id(), profileId)) {
                events.exited(profileId, segment, now);
                exited++;
            }
        }
        expiries.set(profileId, next);
        return new Changes(entered, exited);
    }

    /** A profile merged into another is no one any more: its timer goes with it. */
    void forget(UUID profileId) {
        expiries.set(profileId, null);
    }

    private Set<String> consentsOf(UUID profileId, Map<String, Boolean> overlay) {
        Set<String> granted = new HashSet<>();
        for (Consent consent : consents.of(profileId)) {
            if (consent.granted()) {
                granted.add(consent.purpose().key() + ":" + consent.channel().key());
            }
        }
        overlay.forEach((key, grant) -> {
            if (grant) {
                granted.add(key);
            } else {
                granted.remove(key);
            }
        });
        return granted;
    }
}
