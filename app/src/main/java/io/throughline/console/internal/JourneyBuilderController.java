package io.throughline.console.internal;

import io.throughline.journeys.Journey;
import io.throughline.journeys.Journeys;
import io.throughline.messaging.Message;
import io.throughline.messaging.Messages;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffPermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journey builder: steps added, linked and edited in forms (htmx swaps the builder in place as steps come
 * and go), saved as the same JSON definition the API takes, with the server's verdict shown at the step at
 * fault, and the dry run beside it once the journey is saved.
 */
@Controller
@RequestMapping("/journeys")
@PreAuthorize(StaffPermission.Rules.STEER_JOURNEYS)
class JourneyBuilderController {

    /** What is wrong, where: a field of the journey, or a field (by its label key) of one step. */
    record Problem(String labelKey, String reason) {}

    private final Journeys journeys;
    private final Messages messages;
    private final JsonMapper json;

    JourneyBuilderController(Journeys journeys, Messages messages, JsonMapper json) {
        this.journeys = journeys;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/new")
    String newJourney(Model model) {
        return builder(null, JourneyDraft.blank(), Map.of(), null, model);
    }

    @GetMapping("/{key}/steps")
    String steps(@PathVariable String key, @RequestParam(required = false) @Nullable Integer saved, Model model) {
        Journey journey = journeys.get(key);
        JourneyDraft draft = JourneyDraft.of(journeys.version(key, journey.latestVersion()).definition(), json);
        return builder(journey, draft, Map.of(), saved, model);
    }

    /** Adds or removes a step ({@code op=add:wait}, {@code op=remove:2}) or saves ({@code op=save}). */
    @PostMapping("/builder")
    String change(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "save") String op,
            @RequestParam(name = "journey", required = false) @Nullable String existing,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Journey journey = existing == null || existing.isBlank() ? null : journeys.get(existing);
        JourneyDraft draft = JourneyDraft.of(form);
        if (journey != null) {
            draft = new JourneyDraft(journey.key(), draft.name(), draft.triggerEvent(), draft.triggerRaw(),
                    draft.reentry(), draft.goalEvent(), draft.goalRaw(), draft.steps());
        }
        if (op.startsWith("add:") && JourneyDraft.FORM_TYPES.contains(op.substring(4))) {
            draft = draft.adding(op.substring(4));
        } else if (op.startsWith("remove:")) {
            draft = draft.removing(parseIndex(op.substring(7)));
        } else {
            Map<String, Problem> problems = new LinkedHashMap<>();
            try {
                var definition = draft.toJson(json);
                Journey saved = journey == null ? journeys.create(definition) : journeys.update(journey.key(),
                        definition);
                return "redirect:/journeys/" + saved.key() + "/steps?saved=" + saved.latestVersion();
            } catch (InvalidRequestException invalid) {
                problems.put(place(invalid.field()), new Problem(labelKey(invalid.field()), invalid.reason()));
            } catch (ConflictException taken) {
                problems.put("key", new Problem("journeys.builder.key", taken.getMessage()));
            } catch (JourneyDraft.JsonPartUnreadable unreadable) {
                problems.put(place(unreadable.path()), new Problem("journeys.builder.json", "is not valid JSON"));
            }
            return builder(journey, draft, problems, null, model);
        }
        builder(journey, draft, Map.of(), null, model);
        return htmx != null ? "console/journeys/builder :: builder" : "console/journeys/builder";
    }

    private String builder(@Nullable Journey journey, JourneyDraft draft, Map<String, Problem> problems,
            @Nullable Integer saved, Model model) {
        model.addAttribute("journey", journey);
        model.addAttribute("draft", draft);
        model.addAttribute("problems", problems);
        model.addAttribute("saved", saved);
        model.addAttribute("messageNames", messages.list(new PageRequest(0, 100)).items().stream()
                .map(Message::name).toList());
        model.addAttribute("stepTypes", JourneyDraft.FORM_TYPES);
        model.addAttribute("channels", List.of("best", "email", "sms", "push", "in_app"));
        model.addAttribute("area", ConsoleArea.JOURNEYS);
        return "console/journeys/builder";
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notIndex) {
            return -1;
        }
    }

    /**
     * Where the parser's JSON path puts the problem on the form: {@code $.steps.remind.next} at step
     * {@code remind}, {@code $.trigger.event} at the trigger, {@code $.start} at the list of steps.
     */
    static String place(String path) {
        if (path.startsWith("$.steps.")) {
            String rest = path.substring("$.steps.".length());
            int dot = rest.indexOf('.');
            return "step:" + (dot < 0 ? rest : rest.substring(0, dot));
        }
        if (path.startsWith("$.trigger")) {
            return "triggerEvent";
        }
        if (path.startsWith("$.goal")) {
            return "goalEvent";
        }
        return switch (path) {
            case "$.key" -> "key";
            case "$.name" -> "name";
            case "$.reentry" -> "reentry";
            case "$.start", "$.steps" -> "steps";
            default -> "form";
        };
    }

    /** The label of the field the path ends on, as a message key, so the problem reads in words. */
    static String labelKey(String path) {
        String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        return switch (field) {
            case "duration", "timeout" -> "journeys.builder.duration";
            case "message" -> "journeys.builder.message";
            case "channel" -> "journeys.builder.channel";
            case "event" -> path.startsWith("$.steps.") ? "journeys.builder.event"
                    : path.startsWith("$.goal") ? "journeys.builder.goal" : "journeys.builder.trigger";
            case "next", "onTimeout" -> "journeys.builder.then";
            case "onEvent" -> "journeys.builder.on-event";
            case "type" -> "journeys.builder.type";
            case "key" -> "journeys.builder.key";
            case "name" -> "journeys.builder.name";
            case "start", "steps" -> "journeys.builder.steps";
            case "reentry" -> "journeys.builder.reentry";
            case "trigger" -> "journeys.builder.trigger";
            case "goal" -> "journeys.builder.goal";
            default -> "journeys.builder.step";
        };
    }
}
