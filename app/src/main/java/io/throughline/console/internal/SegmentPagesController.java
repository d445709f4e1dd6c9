package io.throughline.console.internal;

import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.segments.Segment;
import io.throughline.segments.SegmentExplanation;
import io.throughline.segments.Segments;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Segments in the console: the list with sizes and evaluation progress, and a segment's page with its
 * definition, its members by name, why one of them is in (each condition with the value that decided it), and
 * its size over the last 30 days. Analysts see sizes and counts; members are for admins and marketers, each read
 * audited. Definitions are built in {@link SegmentBuilderController}.
 */
@Controller
@RequestMapping("/segments")
@PreAuthorize(StaffPermission.Rules.READ_SEGMENTS)
class SegmentPagesController {

    /** One condition of an explanation, flattened with its depth for the page. */
    record ExplanationLine(int depth, String condition, boolean holds, String value) {}

    private final Segments segments;
    private final CustomerProfiles customers;
    private final AccessAudit audit;
    private final Clock clock;

    SegmentPagesController(Segments segments, CustomerProfiles customers, AccessAudit audit, Clock clock) {
        this.segments = segments;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<Segment> found = segments.list(new PageRequest(Math.max(0, page), PageRequest.DEFAULT_SIZE));
        model.addAttribute("page", found);
        model.addAttribute("rows", found.items());
        return "console/segments/list";
    }

    @GetMapping("/{key}")
    String segment(@PathVariable String key, @RequestParam(required = false) @Nullable UUID explain,
            @RequestParam(required = false) @Nullable Integer saved, Model model, Authentication staff) {
        Segment segment = segments.get(key);
        model.addAttribute("segment", segment);
        model.addAttribute("saved", saved);
        model.addAttribute("counts", segments.counts(key, clock.instant().minus(Duration.ofDays(30))));
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, java.time.Instant> entered = new LinkedHashMap<>();
        if (StaffPermission.READ_SEGMENT_MEMBERS.allows(staff)) {
            var members = segments.members(key, null, 50);
            List<UUID> ids = members.items().stream().map(Segments.Member::profileId).toList();
            if (!ids.isEmpty()) {
                audit.record(CurrentStaff.id(staff), ids, "console:segment-members");
            }
            for (Segments.Member member : members.items()) {
                names.put(member.profileId(), name(member.profileId()));
                entered.put(member.profileId(), member.enteredAt());
            }
            if (explain != null) {
                SegmentExplanation explanation = segments.explain(key, explain);
                audit.record(CurrentStaff.id(staff), List.of(explain), "console:segment-explanation");
                List<ExplanationLine> lines = new ArrayList<>();
                flatten(explanation.condition(), 0, lines);
                model.addAttribute("explanation", explanation);
                model.addAttribute("explained", name(explain));
                model.addAttribute("lines", lines);
            }
        }
        model.addAttribute("members", names);
        model.addAttribute("entered", entered);
        return "console/segments/detail";
    }

    private String name(UUID profileId) {
        try {
            return customers.get(profileId).displayName();
        } catch (NotFoundException gone) {
            return profileId.toString();
        }
    }

    private static void flatten(SegmentExplanation.Node node, int depth, List<ExplanationLine> lines) {
        lines.add(new ExplanationLine(depth, node.condition(), node.holds(), node.value()));
        node.children().forEach(child -> flatten(child, depth + 1, lines));
    }
}
