package io.throughline.analytics;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Churn risk for segments' conditions and journeys' branches: one minus the probability (BG/NBD, fitted on the brand's
 * own orders in its currency) that she is still an active buyer. A customer who never ordered has no risk to tell.
 */
public interface ChurnRisks {

    /** Her churn risk from 0 to 1; empty when she never ordered. */
    OptionalDouble of(UUID profileId);

    /** Many at once, for a batch evaluation in one read; those who never ordered are left out of the answer. */
    Map<UUID, Double> of(Collection<UUID> profileIds);
}
