package io.throughline.console.internal;

import io.throughline.customers.CustomerDetails;
import io.throughline.customers.CustomerNotes;
import io.throughline.customers.CustomerOverview;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.platform.ConflictException;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the staff who serve customers change about them: a new customer, a customer's details, a consent she
 * states on the phone or at the till, and a note on her thread. Each form comes back with what was typed and
 * the errors at their fields; a saved change goes back to Customer 360 with a notice.
 */
@Controller
@RequestMapping("/customers")
@PreAuthorize(StaffPermission.Rules.EDIT_CUSTOMERS)
class CustomerEditingController {

    /** A consent statement as chosen in the form. */
    record ConsentForm(@NotNull Consent.@Nullable Purpose purpose, @NotNull Consent.@Nullable Channel channel,
            @NotNull @Nullable Boolean granted) {}

    /** A note as typed. */
    record NoteForm(@NotBlank @Size(max = CustomerNotes.MAX_LENGTH) @Nullable String text) {}

    private static final Set<String> DETAIL_FIELDS = Set.of("givenName", "familyName", "email", "phone");

    private final CustomerProfiles customers;
    private final Consents consents;
    private final CustomerNotes notes;
    private final AccessAudit audit;
    private final MessageSource messages;
    private final Clock clock;

    CustomerEditingController(CustomerProfiles customers, Consents consents, CustomerNotes notes, AccessAudit audit,
            MessageSource messages, Clock clock) {
        this.customers = customers;
        this.consents = consents;
        this.notes = notes;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Fields left empty are not stated: they reach the module as null, not as empty text. */
    @InitBinder({"details"})
    void emptyIsNotStated(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/new")
    String newCustomer(Model model) {
        model.addAttribute("details", new CustomerDetails(null, null, null, null));
        return form(null, model, Map.of());
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("details") CustomerDetails details, BindingResult form, Model model,
            RedirectAttributes redirect) {
        if (!form.hasErrors()) {
            try {
                CustomerProfile created = customers.create(details);
                redirect.addFlashAttribute("notice", text("customers.notice.created"));
                return "redirect:/customers/" + created.id();
            } catch (ConflictException | InvalidRequestException refused) {
                reject(form, refused);
            }
        }
        return form(null, model, FormErrors.of(form));
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Authentication staff, Model model) {
        CustomerProfile customer = customers.get(id);
        audit.record(CurrentStaff.id(staff), List.of(customer.id()), "console:customer-edit");
        model.addAttribute("details", new CustomerDetails(customer.givenName(), customer.familyName(),
                customer.email(), customer.phone()));
        return form(customer, model, Map.of());
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("details") CustomerDetails details,
            BindingResult form, Model model, RedirectAttributes redirect) {
        CustomerProfile customer = customers.get(id);
        if (!form.hasErrors()) {
            try {
                customers.update(customer.id(), details);
                redirect.addFlashAttribute("notice", text("customers.notice.saved"));
                return "redirect:/customers/" + customer.id();
            } catch (ConflictException | InvalidRequestException refused) {
                reject(form, refused);
            }
        }
        return form(customer, model, FormErrors.of(form));
    }

    @GetMapping("/{id}/consent")
    String consent(@PathVariable UUID id, Authentication staff, Model model) {
        model.addAttribute("consent", new ConsentForm(null, null, null));
        return consentPage(id, staff, model, Map.of());
    }

    @PostMapping("/{id}/consent")
    String recordConsent(@PathVariable UUID id, @Valid @ModelAttribute("consent") ConsentForm typed,
            BindingResult form, Authentication staff, Model model, RedirectAttributes redirect) {
        if (form.hasErrors()) {
            return consentPage(id, staff, model, FormErrors.of(form));
        }
        UUID profileId = customers.get(id).id();
        consents.record(profileId, new Consent(typed.purpose(), typed.channel(), typed.granted(),
                "staff:" + CurrentStaff.id(staff), clock.instant()));
        redirect.addFlashAttribute("notice", text("customers.notice.consent"));
        return "redirect:/customers/" + profileId + "#consents";
    }

    @GetMapping("/{id}/notes")
    String note(@PathVariable UUID id, Model model) {
        model.addAttribute("note", new NoteForm(""));
        return notePage(customers.get(id), model, Map.of());
    }

    @PostMapping("/{id}/notes")
    String addNote(@PathVariable UUID id, @Valid @ModelAttribute("note") NoteForm typed, BindingResult form,
            Authentication staff, Model model, RedirectAttributes redirect) {
        CustomerProfile customer = customers.get(id);
        if (form.hasErrors() || typed.text() == null) {
            return notePage(customer, model, FormErrors.of(form));
        }
        notes.add(customer.id(), CurrentStaff.id(staff), typed.text());
        redirect.addFlashAttribute("notice", text("customers.notice.note"));
        return "redirect:/customers/" + customer.id();
    }

    private String form(@Nullable CustomerProfile customer, Model model, Map<String, String> errors) {
        model.addAttribute("area", ConsoleArea.CUSTOMERS);
        model.addAttribute("customer", customer);
        model.addAttribute("errors", errors);
        return "console/customers/form";
    }

    private String consentPage(UUID id, Authentication staff, Model model, Map<String, String> errors) {
        CustomerOverview overview = customers.overview(id);
        audit.record(CurrentStaff.id(staff), List.of(overview.profile().id()), "console:customer-consent");
        model.addAttribute("area", ConsoleArea.CUSTOMERS);
        model.addAttribute("customer", overview.profile());
        model.addAttribute("consents", overview.consents());
        model.addAttribute("purposes", Consent.Purpose.values());
        model.addAttribute("channels", Consent.Channel.values());
        model.addAttribute("errors", errors);
        return "console/customers/consent";
    }

    private String notePage(CustomerProfile customer, Model model, Map<String, String> errors) {
        model.addAttribute("area", ConsoleArea.CUSTOMERS);
        model.addAttribute("customer", customer);
        model.addAttribute("maxLength", CustomerNotes.MAX_LENGTH);
        model.addAttribute("errors", errors);
        return "console/customers/note";
    }

    private void reject(BindingResult form, io.throughline.platform.ThroughlineException refused) {
        String field = refused instanceof ConflictException clash ? clash.field()
                : ((InvalidRequestException) refused).field();
        String message = refused instanceof ConflictException && "email".equals(field)
                ? text("customers.error.emailTaken")
                : refused instanceof ConflictException && "phone".equals(field) ? text("customers.error.phoneTaken")
                : refused instanceof InvalidRequestException invalid ? invalid.reason() : refused.getMessage();
        if (DETAIL_FIELDS.contains(field)) {
            FormErrors.reject(form, field, "rejected", message);
        } else {
            form.reject("rejected", message);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
