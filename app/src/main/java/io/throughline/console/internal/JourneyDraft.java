package io.throughline.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A journey definition as the step builder's form holds it: the trigger's event, the re-entry rule, the goal,
 * and the steps in order (the first is where customers start), each with the fields of its type. It turns into
 * the same JSON the API takes and back; what the form cannot show (a scheduled trigger, property filters, a
 * random split, a webhook) travels along as JSON untouched, so the builder never loses part of a definition.
 */
record JourneyDraft(String key, String name, String triggerEvent, @Nullable String triggerRaw, String reentry,
        String goalEvent, @Nullable String goalRaw, List<StepDraft> steps) {

    /** The step types the form edits field by field; any other type is kept as JSON. */
    static final List<String> FORM_TYPES = List.of("wait", "send", "wait_for_event", "exit");

    /** The id the builder gives the step a "leave the journey" link points to. */
    static final String END = "end";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([mhd])");

    JourneyDraft {
        steps = List.copyOf(steps);
    }

    /**
     * One step as the form shows it. {@code next} is empty when the customer leaves after it; a duration is
     * an amount and a unit (m, h, d); {@code raw} holds the JSON of a type the form does not edit.
     */
    record StepDraft(String id, String type, String amount, String unit, String message, String channel,
            String event, String onEvent, String next, @Nullable String raw) {

        static StepDraft of(String id, String type) {
            return new StepDraft(id, type, "wait_for_event".equals(type) ? "2" : "1",
                    "wait_for_event".equals(type) ? "d" : "h", "", "best", "", "", "", null);
        }

        public boolean editable() {
            return raw == null;
        }

        StepDraft linkedTo(String step) {
            return new StepDraft(id, type, amount, unit, message, channel, event, onEvent, step, raw);
        }
    }

    /** Whether the re-entry rule is one the form cannot show ({@code once_per} a period), kept as JSON. */
    public boolean reentryKeptAsJson() {
        return reentry.startsWith("{");
    }

    static JourneyDraft blank() {
        return new JourneyDraft("", "", "", null, "once", "", null, List.of());
    }

    /** Reads a saved definition; the start step comes first. */
    static JourneyDraft of(JsonNode definition, JsonMapper json) {
        JsonNode trigger = definition.path("trigger");
        boolean plainEvent = trigger.isObject() && trigger.has("event") && trigger.size() == 1;
        boolean api = trigger.path("api").asBoolean(false) && trigger.size() == 1;
        JsonNode goal = definition.path("goal");
        boolean plainGoal = goal.isObject() && goal.has("event") && goal.size() == 1;
        JsonNode reentry = definition.path("reentry");
        List<StepDraft> steps = new ArrayList<>();
        String start = definition.path("start").asString("");
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(definition.path("steps").properties());
        entries.sort((a, b) -> Boolean.compare(!a.getKey().equals(start), !b.getKey().equals(start)));
        for (Map.Entry<String, JsonNode> entry : entries) {
            // The exit the builder adds for "leave the journey" is shown as that choice, not as a step.
            if (entry.getKey().equals(END) && "exit".equals(entry.getValue().path("type").asString(""))
                    && !END.equals(start)) {
                continue;
            }
            StepDraft step = step(entry.getKey(), entry.getValue(), json);
            steps.add(new StepDraft(step.id(), step.type(), step.amount(), step.unit(), step.message(),
                    step.channel(), step.event(), step.onEvent().equals(END) ? "" : step.onEvent(),
                    step.next().equals(END) ? "" : step.next(), step.raw()));
        }
        return new JourneyDraft(definition.path("key").asString(""), definition.path("name").asString(""),
                plainEvent ? trigger.get("event").asString("") : "",
                plainEvent || api || trigger.isMissingNode() ? null : json.writeValueAsString(trigger),
                reentry.isString() ? reentry.asString() : reentry.isMissingNode() ? "once"
                        : json.writeValueAsString(reentry),
                plainGoal ? goal.get("event").asString("") : "",
                plainGoal || goal.isMissingNode() || goal.isNull() ? null : json.writeValueAsString(goal),
                steps);
    }

    private static StepDraft step(String id, JsonNode step, JsonMapper json) {
        String type = step.path("type").asString("");
        return switch (type) {
            case "wait" -> {
                String[] duration = duration(step.path("duration").asString(""));
                yield duration == null ? raw(id, type, step, json)
                        : new StepDraft(id, type, duration[0], duration[1], "", "best", "", "",
                                step.path("next").asString(""), null);
            }
            case "send" -> step.size() <= 5 && step.path("quietHours").asString("hold").equals("hold")
                    ? new StepDraft(id, type, "1", "h", step.path("message").asString(""),
                            step.path("channel").asString("best"), "", "", step.path("next").asString(""), null)
                    : raw(id, type, step, json);
            case "wait_for_event" -> {
                String[] timeout = duration(step.path("timeout").asString(""));
                yield timeout == null || step.has("where") ? raw(id, type, step, json)
                        : new StepDraft(id, type, timeout[0], timeout[1], "", "best", step.path("event").asString(""),
                                step.path("onEvent").asString(""), step.path("onTimeout").asString(""), null);
            }
            case "exit" -> new StepDraft(id, type, "1", "h", "", "best", "", "", "", null);
            default -> raw(id, type, step, json);
        };
    }

    private static StepDraft raw(String id, String type, JsonNode step, JsonMapper json) {
        return new StepDraft(id, type, "", "", "", "", "", "", "", json.writeValueAsString(step));
    }

    private static String @Nullable [] duration(String text) {
        Matcher matcher = SHORT.matcher(text.strip());
        return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }

    /** Reads the builder's form: {@code steps[0].type}, {@code steps[0].next}, … */
    static JourneyDraft of(Map<String, String> form) {
        List<StepDraft> steps = new ArrayList<>();
        for (int i = 0; form.containsKey("steps[" + i + "].id") && i < 200; i++) {
            String at = "steps[" + i + "].";
            steps.add(new StepDraft(field(form, at + "id"), field(form, at + "type"), field(form, at + "amount"),
                    field(form, at + "unit"), field(form, at + "message"), field(form, at + "channel"),
                    field(form, at + "event"), field(form, at + "onEvent"), field(form, at + "next"),
                    form.containsKey(at + "raw") ? form.get(at + "raw") : null));
        }
        return new JourneyDraft(field(form, "key"), field(form, "name"), field(form, "triggerEvent"),
                form.get("triggerRaw"), form.getOrDefault("reentry", "once"), field(form, "goalEvent"),
                form.get("goalRaw"), steps);
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }

    /** With a new step of the type at the end; the last step that left the journey now goes on to it. */
    JourneyDraft adding(String type) {
        if (!FORM_TYPES.contains(type)) {
            throw new IllegalArgumentException("Not a step type the builder edits: " + type);
        }
        int number = steps.size() + 1;
        while (hasStep(type.replace('_', '-') + "-" + number)) {
            number++;
        }
        String id = type.replace('_', '-') + "-" + number;
        List<StepDraft> changed = new ArrayList<>(steps);
        for (int i = changed.size() - 1; i >= 0; i--) {
            StepDraft last = changed.get(i);
            if (last.editable() && !"exit".equals(last.type())) {
                if (last.next().isEmpty()) {
                    changed.set(i, last.linkedTo(id));
                }
                break;
            }
        }
        changed.add(StepDraft.of(id, type));
        return withSteps(changed);
    }

    /** Without the step; links to it now leave the journey. */
    JourneyDraft removing(int index) {
        if (index < 0 || index >= steps.size()) {
            return this;
        }
        String gone = steps.get(index).id();
        List<StepDraft> changed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i == index) {
                continue;
            }
            StepDraft step = steps.get(i);
            StepDraft relinked = step.next().equals(gone) ? step.linkedTo("") : step;
            changed.add(relinked.onEvent().equals(gone) ? new StepDraft(relinked.id(), relinked.type(),
                    relinked.amount(), relinked.unit(), relinked.message(), relinked.channel(), relinked.event(), "",
                    relinked.next(), relinked.raw()) : relinked);
        }
        return withSteps(changed);
    }

    private JourneyDraft withSteps(List<StepDraft> changed) {
        return new JourneyDraft(key, name, triggerEvent, triggerRaw, reentry, goalEvent, goalRaw, changed);
    }

    private boolean hasStep(String id) {
        return END.equals(id) || steps.stream().anyMatch(step -> step.id().equals(id));
    }

    /**
     * The definition as the API takes it. An empty "then" leaves the journey through an exit step the builder
     * adds; a part the form kept as JSON goes back as it came.
     *
     * @throws JsonPartUnreadable when such a part was edited into something that is not JSON
     */
    ObjectNode toJson(JsonMapper json) {
        ObjectNode definition = json.createObjectNode();
        definition.put("key", key);
        definition.put("name", name);
        if (triggerRaw != null && !triggerRaw.isBlank()) {
            definition.set("trigger", read(triggerRaw, "$.trigger", json));
        } else if (triggerEvent.isEmpty()) {
            definition.putObject("trigger");
        } else {
            definition.putObject("trigger").put("event", triggerEvent);
        }
        if (reentryKeptAsJson()) {
            definition.set("reentry", read(reentry, "$.reentry", json));
        } else {
            definition.put("reentry", reentry);
        }
        if (goalRaw != null && !goalRaw.isBlank()) {
            definition.set("goal", read(goalRaw, "$.goal", json));
        } else if (!goalEvent.isEmpty()) {
            definition.putObject("goal").put("event", goalEvent);
        }
        definition.put("start", steps.isEmpty() ? "" : steps.getFirst().id());
        ObjectNode stepsJson = definition.putObject("steps");
        boolean leaves = false;
        for (StepDraft step : steps) {
            if (!step.editable()) {
                stepsJson.set(step.id(), read(Objects.requireNonNull(step.raw()), "$.steps." + step.id(), json));
                continue;
            }
            ObjectNode out = stepsJson.putObject(step.id());
            out.put("type", step.type());
            switch (step.type()) {
                case "wait" -> out.put("duration", step.amount() + step.unit());
                case "send" -> {
                    out.put("message", step.message());
                    out.put("channel", step.channel().isEmpty() ? "best" : step.channel());
                }
                case "wait_for_event" -> {
                    out.put("event", step.event());
                    out.put("timeout", step.amount() + step.unit());
                    out.put("onEvent", step.onEvent().isEmpty() ? END : step.onEvent());
                    leaves |= step.onEvent().isEmpty();
                }
                default -> { }
            }
            if ("exit".equals(step.type())) {
                continue;
            }
            String next = step.next().isEmpty() ? END : step.next();
            leaves |= step.next().isEmpty();
            out.put("wait_for_event".equals(step.type()) ? "onTimeout" : "next", next);
        }
        if (leaves && !stepsJson.has(END)) {
            stepsJson.putObject(END).put("type", "exit");
        }
        return definition;
    }

    private static JsonNode read(String text, String path, JsonMapper json) {
        try {
            return json.readTree(text);
        } catch (JacksonException malformed) {
            throw new JsonPartUnreadable(path);
        }
    }

    /** The steps a step's links may point to: every step but itself, by id, with its type. */
    public Map<String, String> targetsFor(String self) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDraft step = steps.get(i);
            if (!step.id().equals(self)) {
                targets.put(step.id(), step.type());
            }
        }
        return targets;
    }

    /** A part kept as JSON no longer reads as JSON; {@code path} is where it sits in the definition. */
    static final class JsonPartUnreadable extends RuntimeException {
        private final String path;

        JsonPartUnreadable(String path) {
            super(path + " is not valid JSON");
            this.path = path;
        }

        String path() {
            return path;
        }
    }
}
