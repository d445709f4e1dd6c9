package io.throughline.journeys.internal;

import io.throughline.journeys.DryRun;
import io.throughline.journeys.DryRun.Visit;
import io.throughline.journeys.DryRunRequest.HypotheticalEvent;
import io.throughline.journeys.internal.JourneyWalk.Resumption;
import io.throughline.journeys.internal.JourneyWalk.Stop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays a journey forward for one customer over simulated time: each wait ends at its due moment unless a
 * hypothetical event ends it first, the goal ends the journey whenever its event comes, exactly as the engine
 * would react to the same events at those moments.
 */
final class DryRunSimulation {

    /** Beyond this many waits the simulation reports the customer as still waiting. */
    static final int MAX_WAITS = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Definition definition;
    private final int version;
    private final JourneyWalk walk;
    private final List<HypotheticalEvent> events;

    DryRunSimulation(Definition definition, int version, JourneyWalk walk, List<HypotheticalEvent> events) {
        this.definition = definition;
        this.version = version;
        this.walk = walk;
        this.events = events.stream().sorted(Comparator.comparing(HypotheticalEvent::at)).toList();
    }

    DryRun run(Instant start) {
        List<Visit> path = new ArrayList<>();
        JourneyWalk.Result result = walk.enter(start);
        Instant now = start;
        for (int waits = 0; waits < MAX_WAITS; waits++) {
            path.addAll(result.visits());
            switch (result.stop()) {
                case Stop.Ended ended -> {
                    return new DryRun(definition.key(), version, path, ended.ending() == JourneyWalk.Ending.CONTROL
                            ? "control" : "completed");
                }
                case Stop.Parked parked -> {
                    Optional<HypotheticalEvent> goal = firstGoal(now, parked.due());
                    if (goal.isPresent()) {
                        return converted(path, goal.get());
                    }
                    now = parked.due();
                    result = walk.resume(parked.step(), Resumption.TIMER, now);
                }
                case Stop.Sending sending -> throw new IllegalStateException(
                        "A dry run decides its sends at once; " + sending.step() + " was left pending");
                case Stop.Awaiting awaiting -> {
                    Optional<HypotheticalEvent> goal = firstGoal(now, awaiting.timeoutAt());
                    Instant from = now;
                    Optional<HypotheticalEvent> awaited = events.stream()
                            .filter(event -> event.at().isAfter(from) && !event.at().isAfter(awaiting.timeoutAt()))
                            .filter(event -> awaiting.match().matches(event.event(), properties(event)))
                            .findFirst();
                    if (goal.isPresent() && (awaited.isEmpty() || !goal.get().at().isAfter(awaited.get().at()))) {
                        return converted(path, goal.get());
                    }
                    if (awaited.isPresent()) {
                        now = awaited.get().at();
                        result = walk.resume(awaiting.step(), Resumption.EVENT, now);
                    } else {
                        now = awaiting.timeoutAt();
                        result = walk.resume(awaiting.step(), Resumption.TIMEOUT, now);
                    }
                }
            }
        }
        return new DryRun(definition.key(), version, path, "waiting");
    }

    private DryRun converted(List<Visit> path, HypotheticalEvent goal) {
        path.add(new Visit("goal", "goal", goal.at(), "converted: " + goal.event(), null, List.of()));
        return new DryRun(definition.key(), version, path, "converted");
    }

    private Optional<HypotheticalEvent> firstGoal(Instant after, Instant upTo) {
        if (definition.goal() == null) {
            return Optional.empty();
        }
        return events.stream()
                .filter(event -> event.at().isAfter(after) && !event.at().isAfter(upTo))
                .filter(event -> definition.goal().matches(event.event(), properties(event)))
                .findFirst();
    }

    static JsonNode properties(HypotheticalEvent event) {
        return event.properties() == null ? JSON.createObjectNode() : JSON.valueToTree(event.properties());
    }
}
