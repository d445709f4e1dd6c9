package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.customers.CustomerDetails;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.ConflictException;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffAccounts;
import io.throughline.privacy.AccessAudit;
import io.throughline.privacy.Retention;
import io.throughline.privacy.SubjectRequest;
import io.throughline.privacy.SubjectRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Data-subject requests for administrators, who act as the brand's privacy officers: the list with open and
 * overdue requests on top and a form to note a new one, and a request's page to verify the requester and do
 * what she asked. Each page that shows the customer's name is an audited read.
 */
@Controller
@RequestMapping("/privacy")
@PreAuthorize(StaffPermission.Rules.MANAGE_PRIVACY)
class PrivacyPagesController {

    /** The new-request form: the customer by email address or profile id. */
    record NewRequestForm(@NotNull SubjectRequest.@Nullable Kind kind, @NotBlank @Size(max = 254) String customer,
            @NotNull SubjectRequest.@Nullable ReceivedVia receivedVia, @Nullable @Size(max = 2000) String details) {}

    record VerifyForm(@NotNull SubjectRequest.@Nullable Verification method, @Nullable @Size(max = 2000) String note) {}

    record RefuseForm(@NotNull SubjectRequest.@Nullable Refusal reason, @Nullable @Size(max = 2000) String note) {}

    /** A listed request with the name of the customer it is about. */
    record Row(SubjectRequest request, String customer, boolean overdue) {}

    private final SubjectRequests requests;
    private final CustomerProfiles profiles;
    private final StaffAccounts staff;
    private final AccessAudit audit;
    private final Retention retention;
    private final Clock clock;

    PrivacyPagesController(SubjectRequests requests, CustomerProfiles profiles, StaffAccounts staff,
            AccessAudit audit, Retention retention, Clock clock) {
        this.requests = requests;
        this.profiles = profiles;
        this.staff = staff;
        this.audit = audit;
        this.retention = retention;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model, Authentication who) {
        model.addAttribute("newRequest", new NewRequestForm(SubjectRequest.Kind.ACCESS, "",
                SubjectRequest.ReceivedVia.EMAIL, null));
        return listPage(page, model, Map.of(), who);
    }

    @PostMapping("/requests")
    String receive(@Valid @ModelAttribute("newRequest") NewRequestForm form, BindingResult binding, Model model,
            Authentication who, RedirectAttributes redirect) {
        Optional<CustomerProfile> customer = binding.hasFieldErrors("customer") ? Optional.empty()
                : find(form.customer());
        if (customer.isEmpty() && !binding.hasFieldErrors("customer")) {
            FormErrors.reject(binding, "customer", "unknown", "no customer has this email address or id");
        }
        if (binding.hasErrors()) {
            return listPage(0, model, FormErrors.of(binding), who);
        }
        SubjectRequest received = requests.receive(new SubjectRequests.NewSubjectRequest(form.kind(),
                customer.orElseThrow().id(), form.receivedVia(), null, form.details()), CurrentStaff.id(who));
        redirect.addFlashAttribute("notice", "request.received");
        return "redirect:/privacy/requests/" + received.id();
    }

    /** Runs the retention job now, as the nightly schedule would. */
    @PostMapping("/retention")
    String runRetention(Authentication who, RedirectAttributes redirect) {
        retention.runNow(CurrentStaff.id(who));
        redirect.addFlashAttribute("notice", "retention.ran");
        return "redirect:/privacy#retention";
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable UUID id, Model model, Authentication who) {
        model.addAttribute("verify", new VerifyForm(null, null));
        model.addAttribute("refuse", new RefuseForm(null, null));
        return requestPage(requests.get(id), model, Map.of(), who);
    }

    @PostMapping("/requests/{id}/verify")
    String verify(@PathVariable UUID id, @Valid @ModelAttribute("verify") VerifyForm form, BindingResult binding,
            Model model, Authentication who, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("refuse", new RefuseForm(null, null));
            return requestPage(requests.get(id), model, FormErrors.of(binding), who);
        }
        return moved(id, () -> requests.verify(id, form.method(), form.note(), CurrentStaff.id(who)),
                "request.verified", model, who, redirect);
    }

    @PostMapping("/requests/{id}/refuse")
    String refuse(@PathVariable UUID id, @Valid @ModelAttribute("refuse") RefuseForm form, BindingResult binding,
            Model model, Authentication who, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("verify", new VerifyForm(null, null));
            return requestPage(requests.get(id), model, FormErrors.of(binding), who);
        }
        return moved(id, () -> requests.refuse(id, form.reason(), form.note(), CurrentStaff.id(who)),
                "request.refused", model, who, redirect);
    }

    /** Erasure and restriction: one button, which does what the request asks. */
    @PostMapping("/requests/{id}/complete")
    String complete(@PathVariable UUID id, Model model, Authentication who, RedirectAttributes redirect) {
        return moved(id, () -> requests.complete(id, null, CurrentStaff.id(who)), "request.completed", model, who,
                redirect);
    }

    /** Rectification: the corrected details go onto the profile, and the request is closed with them. */
    @PostMapping("/requests/{id}/rectify")
    String rectify(@PathVariable UUID id, @Valid @ModelAttribute("details") CustomerDetails details,
            BindingResult binding, Model model, Authentication who, RedirectAttributes redirect) {
        SubjectRequest request = requests.get(id);
        if (!binding.hasErrors()) {
            try {
                if (request.kind() != SubjectRequest.Kind.RECTIFICATION) {
                    throw new ConflictException("kind", "only a rectification request corrects the profile");
                }
                if (request.state() == SubjectRequest.State.RECEIVED || !request.state().open()) {
                    // The same refusal the request's own move would give, before the profile is touched.
                    requests.complete(id, null, CurrentStaff.id(who));
                }
                profiles.update(request.profileId(), details);
                requests.complete(id, "profile details corrected", CurrentStaff.id(who));
                redirect.addFlashAttribute("notice", "request.rectified");
                return "redirect:/privacy/requests/{id}";
            } catch (InvalidRequestException invalid) {
                FormErrors.reject(binding, invalid.field(), "rejected", invalid.reason());
            } catch (ConflictException conflict) {
                binding.reject("rejected", conflict.getMessage());
            }
        }
        model.addAttribute("verify", new VerifyForm(null, null));
        model.addAttribute("refuse", new RefuseForm(null, null));
        return requestPage(request, model, FormErrors.of(binding), who);
    }

    /** Access and portability: the zip itself; downloading it completes the request. */
    @GetMapping("/requests/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id, Authentication who) {
        UUID staffId = CurrentStaff.id(who);
        SubjectRequest request = requests.get(id);
        if (request.kind() != SubjectRequest.Kind.ACCESS && request.kind() != SubjectRequest.Kind.PORTABILITY
                || request.state() == SubjectRequest.State.RECEIVED || !request.state().open()) {
            throw new ConflictException("state", "this request has no export to download now");
        }
        StreamingResponseBody body = out -> requests.export(id, out, staffId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-" + id + ".zip\"")
                .body(body);
    }

    private String moved(UUID id, Runnable move, String notice, Model model, Authentication who,
            RedirectAttributes redirect) {
        try {
            move.run();
        } catch (ConflictException conflict) {
            model.addAttribute("verify", new VerifyForm(null, null));
            model.addAttribute("refuse", new RefuseForm(null, null));
            return requestPage(requests.get(id), model, Map.of(FormErrors.FORM, conflict.getMessage()), who);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/privacy/requests/" + id;
    }

    private String listPage(int page, Model model, Map<String, String> errors, Authentication who) {
        Instant now = clock.instant();
        var listed = requests.list(new PageRequest(page, PageRequest.DEFAULT_SIZE));
        List<Row> rows = listed.items().stream()
                .map(r -> new Row(r, customerName(r.profileId()), r.overdue(now))).toList();
        audit.record(CurrentStaff.id(who), rows.stream().map(row -> row.request().profileId()).distinct().toList(),
                "console:subject-requests");
        model.addAttribute("area", ConsoleArea.PRIVACY);
        model.addAttribute("rows", rows);
        model.addAttribute("page", listed);
        model.addAttribute("kinds", SubjectRequest.Kind.values());
        model.addAttribute("channels", SubjectRequest.ReceivedVia.values());
        model.addAttribute("runs", retention.recentRuns(5));
        model.addAttribute("errors", errors);
        return "console/privacy/list";
    }

    private String requestPage(SubjectRequest request, Model model, Map<String, String> errors, Authentication who) {
        audit.record(CurrentStaff.id(who), List.of(request.profileId()), "console:subject-request");
        Map<UUID, String> staffNames = new HashMap<>();
        var steps = requests.steps(request.id());
        steps.forEach(step -> staffNames.computeIfAbsent(step.staffId(), this::staffName));
        Optional<CustomerProfile> customer = profile(request.profileId());
        model.addAttribute("area", ConsoleArea.PRIVACY);
        model.addAttribute("request", request);
        model.addAttribute("overdue", request.overdue(clock.instant()));
        model.addAttribute("customer", customer.map(CustomerProfile::displayName).orElse(null));
        model.addAttribute("steps", steps);
        model.addAttribute("staffNames", staffNames);
        model.addAttribute("verifications", SubjectRequest.Verification.values());
        model.addAttribute("refusals", SubjectRequest.Refusal.values());
        if (!model.containsAttribute("details")) {
            model.addAttribute("details", customer.map(p -> new CustomerDetails(p.givenName(), p.familyName(),
                    p.email(), p.phone())).orElse(new CustomerDetails(null, null, null, null)));
        }
        model.addAttribute("errors", errors);
        return "console/privacy/request";
    }

    private Optional<CustomerProfile> find(String customer) {
        String typed = customer.strip();
        try {
            return profile(UUID.fromString(typed));
        } catch (IllegalArgumentException notAnId) {
            return profiles.findByEmail(typed);
        }
    }

    private Optional<CustomerProfile> profile(UUID id) {
        try {
            return Optional.of(profiles.get(id));
        } catch (NotFoundException erasedOrUnknown) {
            return Optional.empty();
        }
    }

    private String customerName(UUID profileId) {
        return profile(profileId).map(CustomerProfile::displayName).orElse("—");
    }

    private String staffName(UUID staffId) {
        try {
            return staff.get(staffId).displayName();
        } catch (NotFoundException gone) {
            return "—";
        }
    }
}
