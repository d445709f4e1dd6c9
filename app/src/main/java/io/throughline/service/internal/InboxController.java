package io.throughline.service.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.carts.Carts;
import io.throughline.customers.CustomerOverview;
import io.throughline.customers.CustomerProfiles;
import io.throughline.orders.OrderSummary;
import io.throughline.orders.Orders;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.PageRequest;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import io.throughline.service.CallLog;
import io.throughline.service.Conversation;
import io.throughline.service.ConversationMessage;
import io.throughline.service.ConversationStatus;
import io.throughline.service.ConversationThread;
import io.throughline.service.Conversations;
import io.throughline.service.Medium;
import io.throughline.service.SlaState;
import io.throughline.tracking.Channels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent inbox over HTTP: the queue by time to breach, an agent's cases, a case's thread with answers, notes
 * and status, assignment, calls noted on a customer's thread, and the customer panel beside the conversation.
 * Every read of a customer's conversations is a read of her personal data and is audited.
 */
@RestController
@Tag(name = "Service", description = "The agent inbox: queue, conversations, answers, notes, calls, assignment")
class InboxController {

    static final String AGENTS = StaffPermission.Rules.ANSWER_CUSTOMERS;

    record TextRequest(@NotBlank @Size(max = Replies.MAX_LENGTH) String text) {}

    record AssignRequest(@NotNull UUID agentId) {}

    record StatusRequest(@NotNull ConversationStatus status, @Nullable Instant snoozedUntil) {}

    record TeamRequest(@Nullable @Size(min = 1, max = 60) String team) {}

    record CallRequest(@Min(0) @Max(86_400) int seconds, @NotBlank @Size(max = 40) String disposition,
            @Nullable @Size(max = Replies.MAX_LENGTH) String note, @Nullable String channel) {}

    /** A case in a list, with the seconds left before its first-response target is breached. */
    record QueueItem(Conversation conversation, @Nullable Long secondsToBreach, SlaState sla) {}

    /** What the agent sees beside the conversation. */
    record CustomerPanel(CustomerOverview customer, List<OrderSummary> orders, long orderCount,
            @Nullable Object openCart, List<Consent> consents, List<Conversation> conversations) {}

    private final Conversations conversations;
    private final CustomerProfiles profiles;
    private final Orders orders;
    private final Carts carts;
    private final Consents consents;
    private final Channels channels;
    private final AccessAudit audit;
    private final Clock clock;

    InboxController(Conversations conversations, CustomerProfiles profiles, Orders orders, Carts carts,
            Consents consents, Channels channels, AccessAudit audit, Clock clock) {
        this.conversations = conversations;
        this.profiles = profiles;
        this.orders = orders;
        this.carts = carts;
        this.consents = consents;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/service/queue")
    @PreAuthorize(AGENTS)
    @Operation(summary = "Unassigned live cases, the nearest first-response breach first, then first come first served")
    List<QueueItem> queue(@RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable Medium medium,
            @RequestParam(defaultValue = "50") int limit, Authentication staff) {
        return audited(conversations.queue(new Conversations.QueueFilter(team, medium, limit)), staff,
                "service:queue");
    }

    @GetMapping("/api/service/conversations/mine")
    @PreAuthorize(AGENTS)
    @Operation(summary = "The live cases the calling agent holds")
    List<QueueItem> mine(Authentication staff) {
        return audited(conversations.assignedTo(CurrentStaff.id(staff)), staff, "service:mine");
    }

    @GetMapping("/api/service/conversations/{id}")
    @PreAuthorize(AGENTS)
    @Operation(summary = "A case with its messages, notes and calls, oldest first")
    ConversationThread thread(@PathVariable UUID id, Authentication staff) {
        ConversationThread thread = conversations.thread(id);
        audit.record(CurrentStaff.id(staff), List.of(thread.conversation().profileId()), "service:conversation");
        return thread;
    }

    @PostMapping("/api/service/conversations/{id}/replies")
    @PreAuthorize(AGENTS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer the customer on the medium she last wrote on (email over SMTP with threading "
            + "headers, chat to the widget)")
    ConversationMessage reply(@PathVariable UUID id, @Valid @RequestBody TextRequest request, Authentication staff) {
        return conversations.reply(id, CurrentStaff.id(staff), request.text());
    }

    @PostMapping("/api/service/conversations/{id}/notes")
    @PreAuthorize(AGENTS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A private note for colleagues on the case")
    ConversationMessage note(@PathVariable UUID id, @Valid @RequestBody TextRequest request, Authentication staff) {
        return conversations.note(id, CurrentStaff.id(staff), request.text());
    }

    @PostMapping("/api/service/conversations/{id}/assignment")
    @PreAuthorize(AGENTS)
    @Operation(summary = "Give the case to an agent, within her capacity (409 when she is full)")
    Conversation assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request, Authentication staff) {
        return conversations.assign(id, request.agentId(), CurrentStaff.id(staff));
    }

    @PostMapping("/api/service/conversations/{id}/auto-assignment")
    @PreAuthorize(AGENTS)
    @Operation(summary = "Give the case to the available agent with most room under her capacity; "
            + "204 when every agent is full")
    org.springframework.http.ResponseEntity<Conversation> autoAssign(@PathVariable UUID id) {
        return conversations.autoAssign(id).map(org.springframework.http.ResponseEntity::ok)
                .orElseGet(() -> org.springframework.http.ResponseEntity.noContent().build());
    }

    @PutMapping("/api/service/conversations/{id}/status")
    @PreAuthorize(AGENTS)
    @Operation(summary = "Open, pending, snoozed (until a time) or resolved")
    Conversation status(@PathVariable UUID id, @Valid @RequestBody StatusRequest request, Authentication staff) {
        return conversations.changeStatus(id, request.status(), request.snoozedUntil(), CurrentStaff.id(staff));
    }

    @PutMapping("/api/service/conversations/{id}/team")
    @PreAuthorize(AGENTS)
    @Operation(summary = "Route the case to a team's queue (null for everyone's)")
    Conversation team(@PathVariable UUID id, @Valid @RequestBody TeamRequest request) {
        return conversations.route(id, request.team());
    }

    @PostMapping("/api/service/customers/{profileId}/calls")
    @PreAuthorize(AGENTS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Note a phone call on the customer's thread (her live case, or a new one)")
    ConversationMessage call(@PathVariable UUID profileId, @Valid @RequestBody CallRequest request,
            Authentication staff) {
        UUID live = profiles.get(profileId).id();
        String channel = request.channel() == null ? "contact-centre" : request.channel();
        return conversations.logCall(live, channels.resolve(channel), CurrentStaff.id(staff),
                new CallLog(request.seconds(), request.disposition(), request.note()));
    }

    @GetMapping("/api/service/customers/{profileId}/panel")
    @PreAuthorize(AGENTS)
    @Operation(summary = "The customer beside the conversation: identifiers, traits, channels, orders, open cart, "
            + "consents and every earlier conversation")
    CustomerPanel panel(@PathVariable UUID profileId, Authentication staff) {
        UUID live = profiles.get(profileId).id();
        var page = orders.ofCustomer(live, new PageRequest(0, 20));
        CustomerPanel panel = new CustomerPanel(profiles.overview(live), page.items(), page.totalItems(),
                carts.openCartOf(live).orElse(null), consents.of(live), conversations.ofCustomer(live));
        audit.record(CurrentStaff.id(staff), List.of(live), "service:customer-panel");
        return panel;
    }

    private List<QueueItem> audited(List<Conversation> list, Authentication staff, String action) {
        Instant now = clock.instant();
        List<QueueItem> items = new ArrayList<>(list.size());
        var seen = new HashSet<UUID>();
        for (Conversation conversation : list) {
            items.add(new QueueItem(conversation, conversation.secondsToBreach(now), conversations.sla(conversation)));
            seen.add(conversation.profileId());
        }
        if (!seen.isEmpty()) {
            audit.record(CurrentStaff.id(staff), seen, action);
        }
        return items;
    }
}
