package io.throughline.console.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.orders.Orders;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffPermission;
import io.throughline.platform.ThroughlineException;
import io.throughline.privacy.AccessAudit;
import io.throughline.privacy.Consents;
import io.throughline.service.CannedAnswers;
import io.throughline.service.Conversation;
import io.throughline.service.Priority;
import io.throughline.service.ServiceReports;
import java.time.LocalDate;
import io.throughline.service.SlaState;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import io.throughline.service.ConversationFeed;
import io.throughline.service.ConversationStatus;
import io.throughline.service.ConversationThread;
import io.throughline.service.Conversations;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agent inbox in the console: the queue by time to breach and her own cases; a case's thread with the
 * customer beside it (identifiers, orders, consents, earlier conversations), answering, notes and resolving. The
 * thread refreshes itself when the case changes (server-sent events), so a shopper's chat line appears at once.
 */
@Controller
@RequestMapping("/service")
@PreAuthorize(StaffPermission.Rules.ANSWER_CUSTOMERS)
class ServicePagesController {

    /** A case as listed, with the customer's name, the seconds left before its first-response breach and its SLA. */
    record Row(Conversation conversation, String customer, Long secondsToBreach, SlaState sla) {}

    private final Conversations conversations;
    private final CannedAnswers canned;
    private final ConversationFeed feed;
    private final CustomerProfiles profiles;
    private final Orders orders;
    private final Consents consents;
    private final StaffAccounts staff;
    private final AccessAudit audit;
    private final Clock clock;
    private final MessageSource messages;
    private final ServiceReports reports;
    private final ConsoleDates dates;

    ServicePagesController(Conversations conversations, CannedAnswers canned, ConversationFeed feed,
            CustomerProfiles profiles, Orders orders, Consents consents, StaffAccounts staff, AccessAudit audit,
            Clock clock, MessageSource messages, ServiceReports reports, ConsoleDates dates) {
        this.messages = messages;
        this.reports = reports;
        this.dates = dates;
        this.conversations = conversations;
        this.canned = canned;
        this.feed = feed;
        this.profiles = profiles;
        this.orders = orders;
        this.consents = consents;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String inbox(Authentication user, Model model) {
        List<Conversation> queue = conversations.queue(new Conversations.QueueFilter(null, null, 100));
        List<Conversation> mine = conversations.assignedTo(CurrentStaff.id(user));
        model.addAttribute("queue", rows(queue));
        model.addAttribute("mine", rows(mine));
        Set<UUID> seen = new HashSet<>();
        queue.forEach(c -> seen.add(c.profileId()));
        mine.forEach(c -> seen.add(c.profileId()));
        if (!seen.isEmpty()) {
            audit.record(CurrentStaff.id(user), seen, "console:service-inbox");
        }
        model.addAttribute("area", ConsoleArea.SERVICE);
        return "console/service/inbox";
    }

    /** The report over a period of days (the last 30 by default), in total, per agent and per medium. */
    @GetMapping("/reports")
    String reports(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            Model model) {
        LocalDate today = LocalDate.now(clock.withZone(dates.brandZone()));
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        LocalDate start = day(from, today.minusDays(29), "from", errors);
        LocalDate end = day(to, today, "to", errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.put("to", messages.getMessage("service.reports.toBeforeFrom", null, LocaleContextHolder.getLocale()));
        }
        if (errors.isEmpty()) {
            ServiceReports.Report report = reports.report(start, end);
            model.addAttribute("report", report);
            model.addAttribute("agentNames", report.agents().stream().map(ServiceReports.AgentFigures::agentId)
                    .distinct().collect(Collectors.toMap(agentId -> agentId, agentId -> agentId.equals(new UUID(0, 0))
                            ? messages.getMessage("service.reports.nobody", null, LocaleContextHolder.getLocale())
                            : staff.get(agentId).displayName())));
        }
        model.addAttribute("from", from.isBlank() ? start.toString() : from);
        model.addAttribute("to", to.isBlank() ? end.toString() : to);
        model.addAttribute("errors", errors);
        model.addAttribute("area", ConsoleArea.SERVICE);
        return "console/service/reports";
    }

    private LocalDate day(String typed, LocalDate fallback, String field, Map<String, String> errors) {
        if (typed.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (java.time.format.DateTimeParseException notADate) {
            errors.put(field, messages.getMessage("service.reports.notADay", null, LocaleContextHolder.getLocale()));
            return fallback;
        }
    }

    @GetMapping("/conversations/{id}")
    String conversation(@PathVariable UUID id, Authentication user, Model model) {
        return page(id, user, model, "", null, null);
    }

    /** The thread alone, for the page's live refresh. */
    @GetMapping("/conversations/{id}/messages")
    String messages(@PathVariable UUID id, Authentication user, Model model) {
        ConversationThread thread = conversations.thread(id);
        audit.record(CurrentStaff.id(user), List.of(thread.conversation().profileId()), "console:service-thread");
        model.addAttribute("thread", thread);
        model.addAttribute("authors", authors(thread));
        return "console/service/conversation :: messages";
    }

    @GetMapping(path = "/conversations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable UUID id) throws IOException {
        SseEmitter emitter = new SseEmitter(30L * 60 * 1000);
        Runnable stop = feed.follow(id, changed -> {
            try {
                emitter.send(SseEmitter.event().name("changed").data(changed.toString()));
            } catch (IOException | IllegalStateException gone) {
                emitter.complete();
            }
        });
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(failure -> stop.run());
        emitter.send(SseEmitter.event().name("ready").data("ok"));
        return emitter;
    }

    /**
     * The reply box's buttons: send, note, or insert the chosen canned answer (filled for her) after what was typed,
     * which shows the page again with the text to edit before sending.
     */
    @PostMapping("/conversations/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "reply") String kind, @RequestParam(defaultValue = "") String canned,
            Authentication user, Model model) {
        if ("insert".equals(kind)) {
            return insert(id, text, canned, user, model);
        }
        try {
            if ("note".equals(kind)) {
                conversations.note(id, CurrentStaff.id(user), text);
            } else {
                conversations.reply(id, CurrentStaff.id(user), text);
            }
        } catch (ThroughlineException refused) {
            return page(id, user, model, text, refused.getMessage(), "text");
        }
        return "redirect:/service/conversations/" + id;
    }

    private String insert(UUID id, String text, String answer, Authentication user, Model model) {
        UUID answerId;
        try {
            answerId = UUID.fromString(answer);
        } catch (IllegalArgumentException none) {
            return page(id, user, model, text, messages.getMessage("service.canned.choose", null,
                    LocaleContextHolder.getLocale()), "canned");
        }
        try {
            String filled = this.canned.fill(answerId, id, CurrentStaff.id(user));
            return page(id, user, model, text.isBlank() ? filled : text.stripTrailing() + "\n\n" + filled, null,
                    null);
        } catch (ThroughlineException refused) {
            return page(id, user, model, text, refused.getMessage(), "canned");
        }
    }

    @PostMapping("/conversations/{id}/priority")
    String priority(@PathVariable UUID id, @RequestParam(defaultValue = "") String priority, Authentication user,
            Model model) {
        Priority chosen;
        try {
            chosen = Priority.valueOf(priority);
        } catch (IllegalArgumentException unknown) {
            return page(id, user, model, "", messages.getMessage("service.priority.choose", null,
                    LocaleContextHolder.getLocale()), "priority");
        }
        conversations.prioritise(id, chosen, CurrentStaff.id(user));
        return "redirect:/service/conversations/" + id;
    }

    @PostMapping("/conversations/{id}/take")
    String take(@PathVariable UUID id, Authentication user, Model model) {
        try {
            conversations.assign(id, CurrentStaff.id(user), CurrentStaff.id(user));
        } catch (ThroughlineException refused) {
            return page(id, user, model, "", refused.getMessage(), "take");
        }
        return "redirect:/service/conversations/" + id;
    }

    @PostMapping("/conversations/{id}/status")
    String status(@PathVariable UUID id, @RequestParam ConversationStatus status, Authentication user,
            Model model) {
        try {
            conversations.changeStatus(id, status, null, CurrentStaff.id(user));
        } catch (ThroughlineException refused) {
            return page(id, user, model, "", refused.getMessage(), "status");
        }
        return "redirect:/service/conversations/" + id;
    }

    private String page(UUID id, Authentication user, Model model, String typed, @Nullable String error,
            @Nullable String errorField) {
        ConversationThread thread = conversations.thread(id);
        UUID profileId = thread.conversation().profileId();
        CustomerProfile customer = profiles.get(profileId);
        model.addAttribute("thread", thread);
        model.addAttribute("authors", authors(thread));
        model.addAttribute("customer", customer);
        model.addAttribute("overview", profiles.overview(customer.id()));
        model.addAttribute("orders", orders.ofCustomer(customer.id(), new PageRequest(0, 10)).items());
        model.addAttribute("consents", consents.of(customer.id()));
        model.addAttribute("earlier", conversations.ofCustomer(customer.id()).stream()
                .filter(c -> !c.id().equals(id)).toList());
        model.addAttribute("assignee", thread.conversation().assigneeId() == null ? null
                : staff.get(thread.conversation().assigneeId()).displayName());
        model.addAttribute("typed", typed);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        model.addAttribute("sla", conversations.sla(thread.conversation()));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("cannedAnswers", canned.list());
        model.addAttribute("area", ConsoleArea.SERVICE);
        audit.record(CurrentStaff.id(user), List.of(customer.id()), "console:service-conversation");
        return "console/service/conversation";
    }

    private Map<UUID, String> authors(ConversationThread thread) {
        return thread.messages().stream().filter(m -> m.authorStaffId() != null)
                .map(m -> m.authorStaffId()).distinct()
                .collect(Collectors.toMap(staffId -> staffId, staffId -> staff.get(staffId).displayName()));
    }

    private List<Row> rows(List<Conversation> list) {
        return list.stream().map(c -> new Row(c, profiles.get(c.profileId()).displayName(),
                c.secondsToBreach(clock.instant()), conversations.sla(c))).toList();
    }
}
