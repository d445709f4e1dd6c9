package io.throughline.service.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which agent takes the next case: the one with the most room left under her capacity; among equals, the one
 * who was given a case longest ago (or never). An agent at her capacity takes nothing.
 */
final class CapacityPolicy {

    Optional<UUID> choose(List<Agent> agents, Map<UUID, Integer> loads) {
        return agents.stream()
                .filter(agent -> agent.available() && room(agent, loads) > 0)
                .min(Comparator.<Agent>comparingInt(agent -> -room(agent, loads))
                        .thenComparing(agent -> agent.lastAssignedAt() == null ? Instant.MIN : agent.lastAssignedAt())
                        .thenComparing(Agent::staffId))
                .map(Agent::staffId);
    }

    boolean hasRoom(Agent agent, Map<UUID, Integer> loads) {
        return room(agent, loads) > 0;
    }

    private static int room(Agent agent, Map<UUID, Integer> loads) {
        return agent.capacity() - loads.getOrDefault(agent.staffId(), 0);
    }
}
