package io.throughline.journeys.internal;

import static io.throughline.platform.JsonFields.problem;
import static io.throughline.platform.JsonFields.required;
import static io.throughline.platform.JsonFields.text;

import io.throughline.journeys.internal.Definition.Audience;
import io.throughline.journeys.internal.Definition.Check;
import io.throughline.journeys.internal.Definition.EventMatch;
import io.throughline.journeys.internal.Definition.Reentry;
import io.throughline.journeys.internal.Definition.Schedule;
import io.throughline.journeys.internal.Definition.Step;
import io.throughline.journeys.internal.Definition.Trigger;
import io.throughline.messaging.Dispatch;
import io.throughline.messaging.MessageChannel;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a journey definition from its JSON and refuses it at the first problem, naming the JSON path that is
 * wrong ({@code $.steps.remind.next}) and why: unknown step types, next steps that do not exist, messages
 * nobody defined, splits that do not add up, cycles a customer could run round without ever waiting.
 */
final class DefinitionParser {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int MAX_STEPS = 200;

    private final Predicate<String> messageExists;
    private final Predicate<String> channelExists;
    private final Function<URI, Optional<String>> webhookRefusal;

    /**
     * @param messageExists  whether a message of that name is defined (ignoring case)
     * @param channelExists  whether a source has that channel key
     * @param webhookRefusal why a webhook step may not call the URL, if it may not
     */
    DefinitionParser(Predicate<String> messageExists, Predicate<String> channelExists,
            Function<URI, Optional<String>> webhookRefusal) {
        this.messageExists = messageExists;
        this.channelExists = channelExists;
        this.webhookRefusal = webhookRefusal;
    }

    /** A parser of definitions saved before, whose names and hosts were checked when they were saved. */
    DefinitionParser(Predicate<String> messageExists, Predicate<String> channelExists) {
        this(messageExists, channelExists, url -> Optional.empty());
    }

    Definition parse(JsonNode json) {
        if (!json.isObject()) {
            throw problem("$", "must be a JSON object");
        }
        String key = text(json, "$", "key");
        if (!KEY.matcher(key).matches()) {
            throw problem("$.key", "must be 1 to 63 lower-case letters, digits and dashes");
        }
        String name = text(json, "$", "name");
        if (name.isBlank() || name.length() > 200) {
            throw problem("$.name", "must be 1 to 200 characters");
        }
        Trigger trigger = trigger(required(json, "$", "trigger"), "$.trigger");
        Reentry reentry = reentry(json.path("reentry"), "$.reentry");
        EventMatch goal = json.hasNonNull("goal") ? eventMatch(json.get("goal"), "$.goal") : null;
        JsonNode stepsJson = required(json, "$", "steps");
        if (!stepsJson.isObject() || stepsJson.isEmpty()) {
            throw problem("$.steps", "must be an object of steps by id, with at least one step");
        }
        if (stepsJson.size() > MAX_STEPS) {
            throw problem("$.steps", "must hold at most " + MAX_STEPS + " steps");
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : stepsJson.properties()) {
            String path = "$.steps." + entry.getKey();
            if (!STEP_ID.matcher(entry.getKey()).matches()) {
                throw problem(path, "is not a valid step id: use 1 to 64 letters, digits, _ and -");
            }
            steps.put(entry.getKey(), step(entry.getKey(), entry.getValue(), path));
        }
        String start = text(json, "$", "start");
        if (!steps.containsKey(start)) {
            throw problem("$.start", "names no step: '" + start + "'");
        }
        StepGraph.checkReferences(steps, stepsJson);
        StepGraph.checkCycles(steps);
        return new Definition(key, name, trigger, reentry, goal, start, steps);
    }

    private Trigger trigger(JsonNode json, String path) {
        if (!json.isObject()) {
            throw problem(path, "must be an object with one of event, schedule or api");
        }
        if (json.has("event")) {
            return new Trigger.OnEvent(eventMatch(json, path));
        }
        if (json.has("schedule")) {
            JsonNode schedule = json.get("schedule");
            String schedulePath = path + ".schedule";
            ZoneId zone = zone(schedule, schedulePath);
            Schedule parsed;
            if (schedule.has("dailyAt")) {
                parsed = new Schedule.DailyAt(timeOfDay(schedule, schedulePath, "dailyAt"), zone);
            } else if (schedule.has("cron")) {
                String cron = text(schedule, schedulePath, "cron");
                try {
                    org.springframework.scheduling.support.CronExpression.parse(cron);
                } catch (IllegalArgumentException bad) {
                    throw problem(schedulePath + ".cron", "is not a cron expression (second minute hour day month"
                            + " weekday): " + bad.getMessage());
                }
                parsed = new Schedule.Cron(cron, zone);
            } else {
                throw problem(schedulePath, "must have dailyAt (e.g. \"09:00\") or cron");
            }
            JsonNode audience = json.path("audience");
            String channel = audience.hasNonNull("channel") ? text(audience, path + ".audience", "channel") : null;
            if (channel != null && !CHANNEL.matcher(channel).matches()) {
                throw problem(path + ".audience.channel", "must be a channel key");
            }
            Duration seenWithin = audience.hasNonNull("seenWithin")
                    ? duration(audience, path + ".audience", "seenWithin") : Duration.ofDays(30);
            return new Trigger.OnSchedule(parsed, new Audience(channel, seenWithin));
        }
        if (json.path("api").asBoolean(false)) {
            return new Trigger.OnApiCall();
        }
        throw problem(path, "must have event, schedule or \"api\": true");
    }

    private Reentry reentry(JsonNode json, String path) {
        if (json.isMissingNode() || json.isNull()) {
            return new Reentry.Once();
        }
        String rule = json.isString() ? json.asString() : json.path("rule").asString("");
        return switch (rule) {
            case "once" -> new Reentry.Once();
            case "always" -> new Reentry.Always();
            case "once_per" -> new Reentry.OncePer(duration(json, path, "period"));
            default -> throw problem(path, "must be \"once\", \"always\" or {\"rule\": \"once_per\", \"period\": \"7d\"}");
        };
    }

    private EventMatch eventMatch(JsonNode json, String path) {
        String event = text(json, path, "event");
        if (event.isBlank() || event.length() > 200) {
            throw problem(path + ".event", "must be an event name of 1 to 200 characters");
        }
        List<PropertyFilter> filters = new ArrayList<>();
        JsonNode where = json.path("where");
        if (!where.isMissingNode() && !where.isNull()) {
            if (!where.isArray()) {
                throw problem(path + ".where", "must be an array of property filters");
            }
            for (int i = 0; i < where.size(); i++) {
                filters.add(filter(where.get(i), path + ".where[" + i + "]", "property"));
            }
        }
        return new EventMatch(event, filters);
    }

    private PropertyFilter filter(JsonNode json, String path, String subjectField) {
        String subject = text(json, path, subjectField);
        String opName = text(json, path, "op");
        PropertyFilter.Op op;
        try {
            op = PropertyFilter.Op.of(opName);
        } catch (IllegalArgumentException unknown) {
            throw problem(path + ".op", "must be one of eq, ne, gt, gte, lt, lte, contains, exists");
        }
        JsonNode value = json.get("value");
        if (value == null && op != PropertyFilter.Op.EXISTS) {
            throw problem(path + ".value", "is required");
        }
        if (value != null && (value.isObject() || value.isArray())) {
            throw problem(path + ".value", "must be a number, text or true/false");
        }
        return new PropertyFilter(subject, op, value == null ? tools.jackson.databind.node.BooleanNode.TRUE : value);
    }

    private Step step(String id, JsonNode json, String path) {
        if (!json.isObject()) {
            throw problem(path, "must be an object with a type");
        }
        String type = text(json, path, "type");
        return switch (type) {
            case "wait" -> new Step.Wait(id, duration(json, path, "duration"), text(json, path, "next"));
            case "wait_until" -> new Step.WaitUntil(id, timeOfDay(json, path, "time"), zone(json, path),
                    text(json, path, "next"));
            case "wait_for_event" -> new Step.WaitForEvent(id, eventMatch(json, path), duration(json, path, "timeout"),
                    text(json, path, "onEvent"), text(json, path, "onTimeout"));
            case "condition" -> new Step.Condition(id, check(required(json, path, "if"), path + ".if"),
                    text(json, path, "then"), text(json, path, "else"));
            case "random_split" -> randomSplit(id, json, path);
            case "send" -> new Step.Send(id, message(json, path), channel(json, path), quietHours(json, path),
                    text(json, path, "next"));
            case "update_trait" -> {
                String trait = text(json, path, "trait");
                if (trait.isBlank() || trait.length() > 100) {
                    throw problem(path + ".trait", "must be a trait name of 1 to 100 characters");
                }
                String channel = text(json, path, "channel");
                if (!channelExists.test(channel)) {
                    throw problem(path + ".channel", "names no source's channel: '" + channel + "'");
                }
                yield new Step.UpdateTrait(id, trait, required(json, path, "value"), channel, text(json, path, "next"));
            }
            case "grant_coupon" -> {
                UUID batch;
                try {
                    batch = UUID.fromString(text(json, path, "batch"));
                } catch (IllegalArgumentException notUuid) {
                    throw problem(path + ".batch", "must be a coupon batch id");
                }
                String channel = text(json, path, "channel");
                if (!CHANNEL.matcher(channel).matches()) {
                    throw problem(path + ".channel", "must be a channel key, e.g. app");
                }
                yield new Step.GrantCoupon(id, batch, channel, text(json, path, "next"));
            }
            case "task" -> {
                String location = text(json, path, "location");
                if (!CHANNEL.matcher(location).matches()) {
                    throw problem(path + ".location", "must be a shop's channel key, e.g. shop-budapest");
                }
                yield new Step.AssociateTask(id, message(json, path), location, text(json, path, "next"));
            }
            case "webhook" -> new Step.Webhook(id, webhookUrl(json, path), text(json, path, "next"));
            case "exit" -> new Step.Exit(id);
            default -> throw problem(path + ".type", "is not a step type: '" + type + "' (wait, wait_until,"
                    + " wait_for_event, condition, random_split, send, update_trait, grant_coupon, task, webhook,"
                    + " exit)");
        };
    }

    private Check check(JsonNode json, String path) {
        if (json.has("trait")) {
            return new Check.OnTrait(filter(json, path, "trait"));
        }
        if (json.has("event")) {
            return new Check.OnEvent(text(json, path, "event"), duration(json, path, "within"));
        }
        throw problem(path, "must ask about a trait ({\"trait\", \"op\", \"value\"}) or an event"
                + " ({\"event\", \"within\"})");
    }

    private Step randomSplit(String id, JsonNode json, String path) {
        JsonNode branches = required(json, path, "branches");
        if (!branches.isArray() || branches.size() < 2) {
            throw problem(path + ".branches", "must be an array of at least two branches");
        }
        List<Step.Branch> parsed = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            String branchPath = path + ".branches[" + i + "]";
            JsonNode percent = branch.path("percent");
            if (!percent.isInt() || percent.asInt() < 1 || percent.asInt() > 100) {
                throw problem(branchPath + ".percent", "must be a whole number from 1 to 100");
            }
            boolean control = branch.path("control").asBoolean(false);
            String next = control ? null : text(branch, branchPath, "next");
            String name = branch.hasNonNull("name") ? branch.get("name").asString() : control ? "control" : next;
            parsed.add(new Step.Branch(name, percent.asInt(), next));
            total += percent.asInt();
        }
        if (total != 100) {
            throw problem(path + ".branches", "percentages must add up to 100, not " + total);
        }
        return new Step.RandomSplit(id, parsed);
    }

    private String message(JsonNode json, String path) {
        String message = text(json, path, "message");
        if (!messageExists.test(message)) {
            throw problem(path + ".message", "names no message: '" + message + "'");
        }
        return message;
    }

    private @Nullable MessageChannel channel(JsonNode json, String path) {
        if (!json.hasNonNull("channel") || "best".equals(json.get("channel").asString())) {
            return null;
        }
        String channel = json.get("channel").asString();
        return MessageChannel.of(channel).filter(value -> value != MessageChannel.TASK).orElseThrow(() ->
                problem(path + ".channel", "must be email, sms, push, in_app or best, not '" + channel + "'"));
    }

    private Dispatch.QuietHours quietHours(JsonNode json, String path) {
        String value = json.path("quietHours").asString("hold");
        return switch (value) {
            case "hold" -> Dispatch.QuietHours.HOLD;
            case "drop" -> Dispatch.QuietHours.DROP;
            default -> throw problem(path + ".quietHours", "must be hold or drop");
        };
    }

    private URI webhookUrl(JsonNode json, String path) {
        URI url = url(json, path);
        webhookRefusal.apply(url).ifPresent(reason -> {
            throw problem(path + ".url", reason);
        });
        return url;
    }

    private URI url(JsonNode json, String path) {
        String text = text(json, path, "url");
        try {
            URI url = URI.create(text);
            if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException("not http");
            }
            return url;
        } catch (IllegalArgumentException bad) {
            throw problem(path + ".url", "must be an http or https URL");
        }
    }

    private static Duration duration(JsonNode json, String path, String field) {
        try {
            return Times.duration(text(json, path, field));
        } catch (IllegalArgumentException bad) {
            throw problem(path + "." + field, bad.getMessage());
        }
    }

    private static LocalTime timeOfDay(JsonNode json, String path, String field) {
        try {
            return LocalTime.parse(text(json, path, field));
        } catch (DateTimeException bad) {
            throw problem(path + "." + field, "must be a time of day such as 09:00");
        }
    }

    private static ZoneId zone(JsonNode json, String path) {
        if (!json.hasNonNull("zone")) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text(json, path, "zone"));
        } catch (DateTimeException bad) {
            throw problem(path + ".zone", "must be a time zone such as Europe/Budapest");
        }
    }
}
