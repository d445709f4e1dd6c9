package io.throughline.journeys.internal;

import static io.throughline.platform.JsonFields.problem;

import io.throughline.journeys.internal.Definition.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checks a journey's steps must pass as a whole, once each step reads well on its own: every next step
 * exists, and no cycle lets a customer run round the steps without ever waiting.
 */
final class StepGraph {

    private StepGraph() {}

    static void checkReferences(Map<String, Step> steps, JsonNode stepsJson) {
        for (Step step : steps.values()) {
            for (String next : step.nextSteps()) {
                if (!steps.containsKey(next)) {
                    String field = fieldNaming(stepsJson.get(step.id()), next);
                    throw problem("$.steps." + step.id() + "." + field, "names no step: '" + next + "'");
                }
            }
        }
    }

    /** Which field of the step's JSON holds the reference, for the path in the problem. */
    private static String fieldNaming(JsonNode step, String next) {
        for (Map.Entry<String, JsonNode> field : step.properties()) {
            if (field.getValue().isString() && field.getValue().asString().equals(next)) {
                return field.getKey();
            }
        }
        JsonNode branches = step.path("branches");
        for (int i = 0; i < branches.size(); i++) {
            if (next.equals(branches.get(i).path("next").asString(""))) {
                return "branches[" + i + "].next";
            }
        }
        return "next";
    }

    /** A customer must not be able to run round the steps without ever waiting: refuse such a cycle. */
    static void checkCycles(Map<String, Step> steps) {
        Map<String, Integer> state = new HashMap<>();
        for (String id : steps.keySet()) {
            List<String> cycle = cycleFrom(id, steps, state, new ArrayList<>());
            if (cycle != null) {
                throw problem("$.steps." + cycle.getFirst(), "is on a cycle without a wait: "
                        + String.join(" → ", cycle));
            }
        }
    }

    private static @Nullable List<String> cycleFrom(String id, Map<String, Step> steps, Map<String, Integer> state,
            List<String> trail) {
        Step step = steps.get(id);
        if (step.waits()) {
            return null;
        }
        int seen = state.getOrDefault(id, 0);
        if (seen == 2) {
            return null;
        }
        if (seen == 1) {
            List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(id), trail.size()));
            cycle.add(id);
            return cycle;
        }
        state.put(id, 1);
        trail.add(id);
        for (String next : step.nextSteps()) {
            List<String> cycle = cycleFrom(next, steps, state, trail);
            if (cycle != null) {
                return cycle;
            }
        }
        trail.removeLast();
        state.put(id, 2);
        return null;
    }
}
