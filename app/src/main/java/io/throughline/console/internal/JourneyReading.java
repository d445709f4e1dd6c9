package io.throughline.console.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A journey definition (as saved, so already valid) put in words for the console: the trigger, re-entry and
 * goal as sentences, and the steps in the order a customer meets them from the start step, each with what it
 * does and where it leads. Steps no path reaches come last, so nothing in the definition is hidden.
 */
record JourneyReading(String trigger, String reentry, @Nullable String goal, List<StepLine> steps) {

    /** Where a step leads: a label such as "on timeout" (empty for the only way on) and the step's id. */
    record Next(String label, String step) {}

    /**
     * One step as read: its type in words, what it does, the message it sends (by name) and the channel rule,
     * and where it leads.
     */
    record StepLine(String id, String type, String kind, String description, @Nullable String message,
            @Nullable String channelRule, List<Next> next) {}

    static JourneyReading of(JsonNode definition) {
        JsonNode steps = definition.path("steps");
        List<StepLine> lines = new ArrayList<>();
        for (String id : walkOrder(definition.path("start").asString(""), steps)) {
            lines.add(step(id, steps.get(id)));
        }
        JsonNode goal = definition.get("goal");
        return new JourneyReading(trigger(definition.path("trigger")), reentry(definition.get("reentry")),
                goal == null || goal.isNull() ? null : "Ends as converted when the customer does "
                        + eventMatch(goal) + ".", lines);
    }

    /** Breadth first from the start, then whatever no path reaches, in the definition's order. */
    private static List<String> walkOrder(String start, JsonNode steps) {
        Set<String> order = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        if (steps.has(start)) {
            queue.add(start);
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (order.add(id)) {
                nextOf(steps.get(id)).values().stream().filter(steps::has).filter(next -> !order.contains(next))
                        .forEach(queue::add);
            }
        }
        steps.propertyNames().forEach(order::add);
        return List.copyOf(order);
    }

    private static StepLine step(String id, JsonNode step) {
        String type = step.path("type").asString("");
        List<Next> next = nextOf(step).entrySet().stream().map(entry -> new Next(entry.getKey(), entry.getValue()))
                .toList();
        String message = step.hasNonNull("message") ? step.get("message").asString() : null;
        return switch (type) {
            case "wait" -> line(id, type, "Wait", "Waits " + duration(step.path("duration").asString()) + ".", next);
            case "wait_until" -> line(id, type, "Wait until", "Waits until " + step.path("time").asString() + " "
                    + step.path("zone").asString("UTC") + ".", next);
            case "wait_for_event" -> line(id, type, "Wait for event", "Waits up to "
                    + duration(step.path("timeout").asString()) + " for " + eventMatch(step) + ".", next);
            case "condition" -> line(id, type, "Condition", "Asks whether " + check(step.path("if")) + ".", next);
            case "random_split" -> line(id, type, "Random split", "Splits customers at random: "
                    + String.join(", ", branches(step.path("branches"))) + ".", next);
            case "send" -> new StepLine(id, type, "Send", "Sends the message " + quoted(message) + ".", message,
                    channelRule(step), next);
            case "task" -> new StepLine(id, type, "Associate task", "Gives the associates of "
                    + step.path("location").asString() + " a task from the message " + quoted(message) + ".",
                    message, "Store task at " + step.path("location").asString(), next);
            case "update_trait" -> line(id, type, "Update trait", "Sets the trait " + step.path("trait").asString()
                    + " to " + step.path("value") + ".", next);
            case "grant_coupon" -> line(id, type, "Grant coupon", "Grants a unique code of coupon batch "
                    + step.path("batch").asString() + " in the channel " + step.path("channel").asString()
                    + "; later messages show it as {{coupon}}.", next);
            case "webhook" -> line(id, type, "Webhook", "Calls " + step.path("url").asString() + ".", next);
            case "exit" -> line(id, type, "Exit", "Leaves the journey.", next);
            default -> line(id, type, type, "A step of type " + type + ".", next);
        };
    }

    private static StepLine line(String id, String type, String kind, String description, List<Next> next) {
        return new StepLine(id, type, kind, description, null, null, next);
    }

    /** The step's ways on by label, in the order they read best. */
    private static Map<String, String> nextOf(JsonNode step) {
        Map<String, String> next = new LinkedHashMap<>();
        put(next, "", step.get("next"));
        put(next, "when the event comes", step.get("onEvent"));
        put(next, "on timeout", step.get("onTimeout"));
        put(next, "if yes", step.get("then"));
        put(next, "if not", step.get("else"));
        JsonNode branches = step.path("branches");
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            put(next, branchName(branch) + " (" + branch.path("percent").asInt() + " %)", branch.get("next"));
        }
        return next;
    }

    private static void put(Map<String, String> next, String label, @Nullable JsonNode step) {
        if (step != null && step.isString()) {
            next.put(label, step.asString());
        }
    }

    static String trigger(JsonNode trigger) {
        if (trigger.has("event")) {
            return "When the customer does " + eventMatch(trigger) + ".";
        }
        if (trigger.has("schedule")) {
            JsonNode schedule = trigger.get("schedule");
            String when = schedule.has("dailyAt") ? "Every day at " + schedule.get("dailyAt").asString()
                    : "On the schedule " + schedule.path("cron").asString();
            JsonNode audience = trigger.path("audience");
            return when + " " + schedule.path("zone").asString("UTC") + ", for customers seen "
                    + (audience.hasNonNull("channel") ? "in " + audience.get("channel").asString() + " " : "")
                    + "within " + duration(audience.path("seenWithin").asString("30d")) + ".";
        }
        return "When a system enters the customer through the API (POST /api/journeys/{key}/entries).";
    }

    static String reentry(@Nullable JsonNode reentry) {
        String rule = reentry == null || reentry.isNull() ? "once"
                : reentry.isString() ? reentry.asString() : reentry.path("rule").asString("");
        return switch (rule) {
            case "always" -> "Whenever the trigger fires, also while she is in the journey.";
            case "once_per" -> "Again once " + duration(reentry.path("period").asString()) + " have passed since"
                    + " her last entry.";
            default -> "Once ever.";
        };
    }

    private static String eventMatch(JsonNode match) {
        StringBuilder text = new StringBuilder(quoted(match.path("event").asString()));
        JsonNode where = match.path("where");
        for (int i = 0; i < where.size(); i++) {
            text.append(i == 0 ? " where " : " and ").append(filter(where.get(i), "property"));
        }
        return text.toString();
    }

    private static String check(JsonNode check) {
        if (check.has("trait")) {
            return "the trait " + filter(check, "trait");
        }
        return "the customer did " + quoted(check.path("event").asString()) + " within the last "
                + duration(check.path("within").asString());
    }

    private static String filter(JsonNode filter, String subject) {
        String op = switch (filter.path("op").asString("")) {
            case "eq" -> "is";
            case "ne" -> "is not";
            case "gt" -> ">";
            case "gte" -> "≥";
            case "lt" -> "<";
            case "lte" -> "≤";
            case "contains" -> "contains";
            case "exists" -> "exists";
            default -> filter.path("op").asString("");
        };
        JsonNode value = filter.get("value");
        return filter.path(subject).asString() + " " + op + (value == null || "exists".equals(op) ? ""
                : " " + (value.isString() ? quoted(value.asString()) : value.toString()));
    }

    private static List<String> branches(JsonNode branches) {
        List<String> described = new ArrayList<>();
        for (JsonNode branch : branches) {
            described.add(branch.path("percent").asInt() + " % " + branchName(branch)
                    + (branch.path("control").asBoolean(false) ? " (control group, leaves here)" : ""));
        }
        return described;
    }

    private static String branchName(JsonNode branch) {
        return branch.hasNonNull("name") ? branch.get("name").asString()
                : branch.path("control").asBoolean(false) ? "control" : branch.path("next").asString();
    }

    private static String channelRule(JsonNode send) {
        String channel = send.path("channel").asString("best");
        String quiet = "drop".equals(send.path("quietHours").asString("hold")) ? "dropped" : "held until they end";
        return ("best".equals(channel) ? "Best channel the customer consented to, ranked by engagement"
                : "Only " + MessagePagesController.label(io.throughline.messaging.MessageChannel.of(channel)
                        .orElse(io.throughline.messaging.MessageChannel.EMAIL)))
                + "; in quiet hours " + quiet;
    }

    /** "48h" as "48 hours", "7d" as "7 days"; anything else as written. */
    static String duration(String text) {
        if (text.length() < 2) {
            return text;
        }
        String amount = text.substring(0, text.length() - 1);
        if (!amount.chars().allMatch(Character::isDigit)) {
            return text;
        }
        boolean one = amount.equals("1");
        return switch (text.charAt(text.length() - 1)) {
            case 'd' -> amount + (one ? " day" : " days");
            case 'h' -> amount + (one ? " hour" : " hours");
            case 'm' -> amount + (one ? " minute" : " minutes");
            case 's' -> amount + (one ? " second" : " seconds");
            default -> text;
        };
    }

    private static String quoted(@Nullable String text) {
        return "“" + text + "”";
    }
}
