package io.throughline.console.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.segments.Segment;
import io.throughline.segments.Segments;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The segment builder: conditions added, changed and nested in groups in forms (htmx swaps the builder in place
 * as rows come and go, and a row's fields follow the kind picked for it), the size the definition would have
 * estimated as the marketer types, and the definition saved as the same JSON the API takes, with the server's
 * refusal shown at the row and field its JSON path names and everything typed kept.
 */
@Controller
@RequestMapping("/segments")
@PreAuthorize(StaffPermission.Rules.EDIT_SEGMENTS)
class SegmentBuilderController {

    /** What is wrong, and where on the form: {@code name}, {@code row:c2}, {@code row:c2:value}, {@code form}. */
    record Problem(String reason) {}

    /** The size estimate: members now, or why there is none yet. */
    record Estimate(@Nullable Long members, @Nullable String problem) {}

    private final Segments segments;
    private final JsonMapper json;

    SegmentBuilderController(Segments segments, JsonMapper json) {
        this.segments = segments;
        this.json = json;
    }

    @GetMapping("/new")
    String newSegment(Model model) {
        return builder(null, SegmentDraft.blank(), Map.of(), model);
    }

    @GetMapping("/{key}/edit")
    String edit(@PathVariable String key, Model model) {
        Segment segment = segments.get(key);
        return builder(segment, SegmentDraftJson.of(segment.definition()), Map.of(), model);
    }

    /**
     * Adds a row to a group ({@code op=add:c} with the kind in {@code kind:c}), removes one ({@code op=remove:c3}),
     * shows a row's fields for the kind just picked ({@code op=refresh}), or saves ({@code op=save}).
     */
    @PostMapping("/builder")
    String change(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "save") String op,
            @RequestParam(name = "segment", required = false) @Nullable String existing,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Segment segment = existing == null || existing.isBlank() ? null : segments.get(existing);
        SegmentDraft draft = SegmentDraft.of(form).tidied();
        if (segment != null) {
            draft = new SegmentDraft(segment.key(), draft.name(), draft.description(), draft.rows());
        }
        if (op.startsWith("add:")) {
            String group = op.substring(4);
            draft = draft.adding(group, form.getOrDefault("kind:" + group, ""));
        } else if (op.startsWith("remove:")) {
            draft = draft.removing(op.substring(7));
        } else if (op.equals("save")) {
            Map<String, Problem> problems = new LinkedHashMap<>();
            SegmentDraftJson.Built built = SegmentDraftJson.toJson(draft, json);
            try {
                Segment saved = segment == null ? segments.create(built.definition())
                        : segments.update(segment.key(), built.definition());
                return "redirect:/segments/" + saved.key() + "?saved=" + saved.version();
            } catch (InvalidRequestException invalid) {
                problems.put(place(invalid.field(), built, draft), new Problem(invalid.reason()));
            } catch (ConflictException taken) {
                problems.put("key", new Problem(taken.getMessage()));
            }
            return builder(segment, draft, problems, model);
        }
        builder(segment, draft, Map.of(), model);
        return htmx != null ? "console/segments/builder :: builder" : "console/segments/builder";
    }

    /** The size the definition would have now, as the marketer types; a definition not yet whole says why. */
    @PostMapping("/builder/preview")
    String preview(@RequestParam Map<String, String> form, Model model) {
        SegmentDraft draft = SegmentDraft.of(form).tidied();
        ObjectNode definition = (ObjectNode) SegmentDraftJson.toJson(draft, json).definition();
        // The size does not depend on the key or the name, which may not be typed yet.
        if (definition.path("key").asString("").isBlank() || !form.getOrDefault("segment", "").isBlank()) {
            definition.put("key", "builder-preview");
        }
        if (definition.path("name").asString("").isBlank()) {
            definition.put("name", "Preview");
        }
        try {
            model.addAttribute("estimate", new Estimate(segments.preview(definition), null));
        } catch (InvalidRequestException incomplete) {
            model.addAttribute("estimate", new Estimate(null, incomplete.reason()));
        }
        return "console/segments/builder :: estimate";
    }

    private String builder(@Nullable Segment segment, SegmentDraft draft, Map<String, Problem> problems,
            Model model) {
        model.addAttribute("segment", segment);
        model.addAttribute("draft", draft);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", SegmentDraft.FIELDS.keySet());
        model.addAttribute("groups", SegmentDraft.GROUPS);
        model.addAttribute("area", ConsoleArea.SEGMENTS);
        if (!model.containsAttribute("estimate")) {
            model.addAttribute("estimate", new Estimate(null, null));
        }
        return "console/segments/builder";
    }

    private static String place(String path, SegmentDraftJson.Built built, SegmentDraft draft) {
        SegmentDraftJson.Place place = SegmentDraftJson.place(path, built.paths(), draft);
        if (place.rowId() == null) {
            return place.field() != null ? place.field() : "form";
        }
        return "row:" + place.rowId() + (place.field() != null ? ":" + place.field() : "");
    }
}
