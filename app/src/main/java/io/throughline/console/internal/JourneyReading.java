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
 * does and where it leads. Steps no path reaches come last, so nothing in the definition is hidden. Every word
 * comes from the {@code journeys} bundle in the reader's language ({@link ConsoleWords}).
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

    static JourneyReading of(JsonNode definition, ConsoleWords words) {
        JsonNode steps = definition.path("steps");
        List<StepLine> lines = new ArrayList<>();
        for (String id : walkOrder(definition.path("start").asString(""), steps)) {
            lines.add(step(id, steps.get(id), words));
        }
        JsonNode goal = definition.get("goal");
        return new JourneyReading(trigger(definition.path("trigger"), words), reentry(definition.get("reentry"), words),
                goal == null || goal.isNull() ? null : words.get("journeys.reading.goal", eventMatch(goal, words)),
                lines);
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
                nextOf(steps.get(id), null).values().stream().filter(steps::has).filter(next -> !order.contains(next))
                        .forEach(queue::add);
            }
        }
        steps.propertyNames().forEach(order::add);
        return List.copyOf(order);
    }

    private static StepLine step(String id, JsonNode step, ConsoleWords words) {
        String type = step.path("type").asString("");
        List<Next> next = nextOf(step, words).entrySet().stream()
                .map(entry -> new Next(entry.getKey(), entry.getValue())).toList();
        String message = step.hasNonNull("message") ? step.get("message").asString() : null;
        return switch (type) {
            case "wait" -> line(id, type, words.get("journeys.reading.kind.wait"), words.get(
                    "journeys.reading.wait", duration(step.path("duration").asString(), words)), next);
            case "wait_until" -> line(id, type, words.get("journeys.reading.kind.wait_until"), words.get(
                    "journeys.reading.wait_until", step.path("time").asString(), step.path("zone").asString("UTC")),
                    next);
            case "wait_for_event" -> line(id, type, words.get("journeys.reading.kind.wait_for_event"), words.get(
                    "journeys.reading.wait_for_event", duration(step.path("timeout").asString(), words),
                    eventMatch(step, words)), next);
            case "condition" -> line(id, type, words.get("journeys.reading.kind.condition"), words.get(
                    "journeys.reading.condition", check(step.path("if"), words)), next);
            case "random_split" -> line(id, type, words.get("journeys.reading.kind.random_split"), words.get(
                    "journeys.reading.random_split", String.join(", ", branches(step.path("branches"), words))),
                    next);
            case "send" -> new StepLine(id, type, words.get("journeys.reading.kind.send"), words.get(
                    "journeys.reading.send", quoted(message)), message, channelRule(step, words), next);
            case "task" -> new StepLine(id, type, words.get("journeys.reading.kind.task"), words.get(
                    "journeys.reading.task", step.path("location").asString(), quoted(message)), message,
                    words.get("journeys.reading.task.channel", step.path("location").asString()), next);
            case "update_trait" -> line(id, type, words.get("journeys.reading.kind.update_trait"), words.get(
                    "journeys.reading.update_trait", step.path("trait").asString(), step.path("value").toString()),
                    next);
            case "grant_coupon" -> line(id, type, words.get("journeys.reading.kind.grant_coupon"), words.get(
                    "journeys.reading.grant_coupon", step.path("batch").asString(),
                    step.path("channel").asString()), next);
            case "webhook" -> line(id, type, words.get("journeys.reading.kind.webhook"), words.get(
                    "journeys.reading.webhook", step.path("url").asString()), next);
            case "exit" -> line(id, type, words.get("journeys.reading.kind.exit"), words.get(
                    "journeys.reading.exit"), next);
            default -> line(id, type, type, words.get("journeys.reading.other", type), next);
        };
    }

    private static StepLine line(String id, String type, String kind, String description, List<Next> next) {
        return new StepLine(id, type, kind, description, null, null, next);
    }

    /** The step's ways on by label, in the order they read best. */
    private static Map<String, String> nextOf(JsonNode step, @Nullable ConsoleWords words) {
        Map<String, String> next = new LinkedHashMap<>();
        put(next, "", step.get("next"));
        put(next, words == null ? "onEvent" : words.get("journeys.reading.next.onEvent"), step.get("onEvent"));
        put(next, words == null ? "onTimeout" : words.get("journeys.reading.next.onTimeout"), step.get("onTimeout"));
        put(next, words == null ? "then" : words.get("journeys.reading.next.then"), step.get("then"));
        put(next, words == null ? "else" : words.get("journeys.reading.next.else"), step.get("else"));
        JsonNode branches = step.path("branches");
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            put(next, (words == null ? "branch " + i + " " : "") + branchName(branch, words) + " ("
                    + branch.path("percent").asInt() + " %)", branch.get("next"));
        }
        return next;
    }

    private static void put(Map<String, String> next, String label, @Nullable JsonNode step) {
        if (step != null && step.isString()) {
            next.put(label, step.asString());
        }
    }

    static String trigger(JsonNode trigger, ConsoleWords words) {
        if (trigger.has("event")) {
            return words.get("journeys.reading.trigger.event", eventMatch(trigger, words));
        }
        if (trigger.has("schedule")) {
            JsonNode schedule = trigger.get("schedule");
            String when = schedule.has("dailyAt")
                    ? words.get("journeys.reading.trigger.daily", schedule.get("dailyAt").asString())
                    : words.get("journeys.reading.trigger.cron", schedule.path("cron").asString());
            JsonNode audience = trigger.path("audience");
            String seen = duration(audience.path("seenWithin").asString("30d"), words);
            return audience.hasNonNull("channel")
                    ? words.get("journeys.reading.trigger.schedule.in", when, schedule.path("zone").asString("UTC"),
                            audience.get("channel").asString(), seen)
                    : words.get("journeys.reading.trigger.schedule", when, schedule.path("zone").asString("UTC"),
                            seen);
        }
        return words.get("journeys.reading.trigger.api", "{key}");
    }

    static String reentry(@Nullable JsonNode reentry, ConsoleWords words) {
        String rule = reentry == null || reentry.isNull() ? "once"
                : reentry.isString() ? reentry.asString() : reentry.path("rule").asString("");
        return switch (rule) {
            case "always" -> words.get("journeys.reading.reentry.always");
            case "once_per" -> words.get("journeys.reading.reentry.once_per",
                    duration(reentry.path("period").asString(), words));
            default -> words.get("journeys.reading.reentry.once");
        };
    }

    private static String eventMatch(JsonNode match, ConsoleWords words) {
        StringBuilder text = new StringBuilder(quoted(match.path("event").asString()));
        JsonNode where = match.path("where");
        for (int i = 0; i < where.size(); i++) {
            text.append(' ').append(words.get(i == 0 ? "journeys.reading.where" : "journeys.reading.and"))
                    .append(' ').append(filter(where.get(i), "property", words));
        }
        return text.toString();
    }

    private static String check(JsonNode check, ConsoleWords words) {
        if (check.has("trait")) {
            return words.get("journeys.reading.check.trait", filter(check, "trait", words));
        }
        return words.get("journeys.reading.check.event", quoted(check.path("event").asString()),
                duration(check.path("within").asString(), words));
    }

    private static String filter(JsonNode filter, String subject, ConsoleWords words) {
        String op = filter.path("op").asString("");
        String said = switch (op) {
            case "eq" -> words.get("journeys.reading.op.eq");
            case "ne" -> words.get("journeys.reading.op.ne");
            case "gt" -> ">";
            case "gte" -> "≥";
            case "lt" -> "<";
            case "lte" -> "≤";
            case "contains" -> words.get("journeys.reading.op.contains");
            case "exists" -> words.get("journeys.reading.op.exists");
            default -> op;
        };
        JsonNode value = filter.get("value");
        return filter.path(subject).asString() + " " + said + (value == null || "exists".equals(op) ? ""
                : " " + (value.isString() ? quoted(value.asString()) : value.toString()));
    }

    private static List<String> branches(JsonNode branches, ConsoleWords words) {
        List<String> described = new ArrayList<>();
        for (JsonNode branch : branches) {
            described.add(branch.path("percent").asInt() + " % " + branchName(branch, words)
                    + (branch.path("control").asBoolean(false) ? " " + words.get("journeys.reading.control.leaves")
                    : ""));
        }
        return described;
    }

    private static String branchName(JsonNode branch, @Nullable ConsoleWords words) {
        return branch.hasNonNull("name") ? branch.get("name").asString()
                : branch.path("control").asBoolean(false)
                        ? (words == null ? "control" : words.get("journeys.reading.control"))
                        : branch.path("next").asString();
    }

    private static String channelRule(JsonNode send, ConsoleWords words) {
        String channel = send.path("channel").asString("best");
        String quiet = "drop".equals(send.path("quietHours").asString("hold"))
                ? words.get("journeys.reading.quiet.drop") : words.get("journeys.reading.quiet.hold");
        String who = "best".equals(channel) ? words.get("journeys.reading.channel.best")
                : words.get("journeys.reading.channel.only", words.get("messages.channel."
                        + io.throughline.messaging.MessageChannel.of(channel)
                                .orElse(io.throughline.messaging.MessageChannel.EMAIL).name()));
        return words.get("journeys.reading.channel.rule", who, quiet);
    }

    /** "48h" as "48 hours", "7d" as "7 days"; anything else as written. */
    static String duration(String text, ConsoleWords words) {
        if (text.length() < 2 || text.length() > 10) {
            return text;
        }
        String amount = text.substring(0, text.length() - 1);
        if (!amount.chars().allMatch(Character::isDigit)) {
            return text;
        }
        long count = Long.parseLong(amount);
        return switch (text.charAt(text.length() - 1)) {
            case 'd' -> words.get("journeys.reading.duration.days", count);
            case 'h' -> words.get("journeys.reading.duration.hours", count);
            case 'm' -> words.get("journeys.reading.duration.minutes", count);
            case 's' -> words.get("journeys.reading.duration.seconds", count);
            default -> text;
        };
    }

    private static String quoted(@Nullable String text) {
        return "“" + text + "”";
    }
}
