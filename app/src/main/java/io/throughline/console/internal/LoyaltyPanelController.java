package io.throughline.console.internal;

import io.throughline.loyalty.Loyalty;
import io.throughline.loyalty.MemberPoints;
import io.throughline.loyalty.StatementLine;
import io.throughline.platform.ConflictException;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import java.time.Clock;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The loyalty panel of Customer 360, loaded into the page as a fragment: her points, what she owes, her lots with
 * their expiry, her latest movements, and a form to adjust her points with a reason. What was typed comes back
 * with the error at its field.
 */
@Controller
@PreAuthorize(StaffPermission.Rules.READ_CUSTOMERS)
class LoyaltyPanelController {

    private final Loyalty loyalty;
    private final AccessAudit audit;
    private final Clock clock;

    LoyaltyPanelController(Loyalty loyalty, AccessAudit audit, Clock clock) {
        this.loyalty = loyalty;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/loyalty/customers/{profileId}")
    String panel(@PathVariable UUID profileId, Model model, Authentication staff) {
        audit.record(CurrentStaff.id(staff), List.of(profileId), "console:loyalty");
        return fill(profileId, model, Map.of(), "", "");
    }

    @PostMapping("/loyalty/customers/{profileId}/adjustments")
    @PreAuthorize(StaffPermission.Rules.ADJUST_POINTS)
    String adjust(@PathVariable UUID profileId, @RequestParam(defaultValue = "") String points,
            @RequestParam(defaultValue = "") String reason, Model model, Authentication staff) {
        Map<String, String> errors = new HashMap<>();
        long amount = 0;
        try {
            amount = Long.parseLong(points.strip());
            if (amount == 0 || Math.abs(amount) > 10_000_000) {
                errors.put("points", "loyalty.adjust.points.range");
            }
        } catch (NumberFormatException notANumber) {
            errors.put("points", "loyalty.adjust.points.number");
        }
        if (reason.isBlank() || reason.length() > 500) {
            errors.put("reason", "loyalty.adjust.reason.required");
        }
        if (errors.isEmpty()) {
            try {
                loyalty.adjust(profileId, amount, reason.strip(), CurrentStaff.id(staff), Ids.newId(clock).toString());
                model.addAttribute("adjusted", amount);
                return fill(profileId, model, Map.of(), "", "");
            } catch (ConflictException | InvalidRequestException refused) {
                errors.put("points", "loyalty.adjust.points.tooMany");
            }
        }
        return fill(profileId, model, errors, points, reason);
    }

    private String fill(UUID profileId, Model model, Map<String, String> errors, String points, String reason) {
        @Nullable MemberPoints member = loyalty.member(profileId).orElse(null);
        List<StatementLine> lines = member == null ? List.of() : loyalty.statement(profileId, null, 10).items();
        model.addAttribute("profileId", profileId);
        model.addAttribute("member", member);
        model.addAttribute("lines", lines);
        model.addAttribute("errors", errors);
        model.addAttribute("typedPoints", points);
        model.addAttribute("typedReason", reason);
        model.addAttribute("programme", loyalty.programme().orElse(null));
        model.addAttribute("tier", member == null ? null : loyalty.tier(profileId).orElse(null));
        return "console/loyalty/panel :: member";
    }
}
