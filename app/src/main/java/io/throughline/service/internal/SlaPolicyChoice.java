package io.throughline.service.internal;

import io.throughline.service.Medium;
import io.throughline.service.Priority;
import io.throughline.service.SlaPolicy;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which policy's targets a case gets: among the policies whose priority and medium are the case's or left open,
 * the most specific (a priority outweighs a medium, as urgency is what a policy is mostly about); among equals,
 * the first by name, so the choice never depends on the order policies were written in.
 */
final class SlaPolicyChoice {

    Optional<SlaPolicy> choose(List<SlaPolicy> policies, Priority priority, Medium medium) {
        return policies.stream()
                .filter(policy -> policy.priority() == null || policy.priority() == priority)
                .filter(policy -> policy.medium() == null || policy.medium() == medium)
                .min(Comparator.<SlaPolicy>comparingInt(SlaPolicyChoice::specificity).reversed()
                        .thenComparing(SlaPolicy::name));
    }

    private static int specificity(SlaPolicy policy) {
        return (policy.priority() != null ? 2 : 0) + (policy.medium() != null ? 1 : 0);
    }
}
