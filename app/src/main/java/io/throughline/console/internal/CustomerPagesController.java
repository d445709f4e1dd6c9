package io.throughline.console.internal;

import io.throughline.customers.CustomerBrowsing;
import io.throughline.customers.CustomerFilter;
import io.throughline.customers.CustomerOverview;
import io.throughline.platform.StaffPermission;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.AccessAudit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer list with search-as-you-type; a customer's own page is {@link Customer360Controller}. Anonymous
 * visitors' profiles are left out unless asked for: staff look for people they can name.
 */
@Controller
@RequestMapping("/customers")
@PreAuthorize(StaffPermission.Rules.READ_CUSTOMERS)
class CustomerPagesController {

    /** A customer as listed: the channels she used, most recent first, and when she was last active. */
    record CustomerRow(CustomerProfile profile, List<String> channels, @Nullable Instant lastSeenAt) {

        public boolean anonymous() {
            return profile.givenName() == null && profile.familyName() == null && profile.email() == null
                    && profile.phone() == null;
        }
    }

    private static final int PAGE_SIZE = 25;

    private final CustomerProfiles customers;
    private final AccessAudit audit;
    private final CustomerBrowsing browsing;

    CustomerPagesController(CustomerProfiles customers, AccessAudit audit, CustomerBrowsing browsing) {
        this.browsing = browsing;
        this.customers = customers;
        this.audit = audit;
    }

    /** A whole page, or, for htmx's search requests, only the results. */
    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean anonymous,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Authentication staff,
            Model model) {
        boolean lookUpOnly = !browsing.allows(staff, q);
        // A store associate who may only look customers up sees no one until she has typed enough to find her.
        Page<CustomerProfile> results = lookUpOnly ? new Page<>(List.of(), 0, PAGE_SIZE, 0)
                : customers.list(new CustomerFilter(q, null, null, !anonymous),
                        new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("lookUpOnly", lookUpOnly);
        audit.record(CurrentStaff.id(staff), results.items().stream().map(CustomerProfile::id).toList(),
                "console:customer-list");
        Map<java.util.UUID, List<CustomerOverview.ChannelActivity>> activity =
                customers.activity(results.items().stream().map(CustomerProfile::id).toList());
        model.addAttribute("area", ConsoleArea.CUSTOMERS);
        model.addAttribute("q", q);
        model.addAttribute("anonymous", anonymous);
        model.addAttribute("results", results);
        model.addAttribute("rows", results.items().stream().map(profile -> {
            List<CustomerOverview.ChannelActivity> used = activity.getOrDefault(profile.id(), List.of());
            return new CustomerRow(profile, used.stream().map(CustomerOverview.ChannelActivity::channel).toList(),
                    used.isEmpty() ? null : used.getFirst().lastSeenAt());
        }).toList());
        return htmx != null ? "console/customers/list :: results" : "console/customers/list";
    }
}
