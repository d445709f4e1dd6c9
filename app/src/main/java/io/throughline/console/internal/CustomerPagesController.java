package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.Page;
import io.throughline.privacy.AccessAudit;
import org.springframework.security.core.Authentication;
import io.throughline.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer list with search-as-you-type; a customer's own page is {@link Customer360Controller}. */
@Controller
@RequestMapping("/customers")
@PreAuthorize(StaffPermission.Rules.READ_CUSTOMERS)
class CustomerPagesController {

    private static final int PAGE_SIZE = 25;

    private final CustomerProfiles customers;
    private final AccessAudit audit;

    CustomerPagesController(CustomerProfiles customers, AccessAudit audit) {
        this.customers = customers;
        this.audit = audit;
    }

    /** A whole page, or, for htmx's search requests, only the results. */
    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Authentication staff,
            Model model) {
        Page<CustomerProfile> results = customers.search(q, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        audit.record(CurrentStaff.id(staff), results.items().stream().map(CustomerProfile::id).toList(),
                "console:customer-list");
        model.addAttribute("area", ConsoleArea.CUSTOMERS);
        model.addAttribute("q", q);
        model.addAttribute("results", results);
        return htmx != null ? "console/customers/list :: results" : "console/customers/list";
    }
}
