package io.throughline.console.internal;

import io.throughline.platform.StaffPermission;
import io.throughline.carts.Carts;
import io.throughline.customers.CustomerOverview;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.customers.ProfileMerges;
import io.throughline.customers.UnmergeOutcome;
import io.throughline.orders.Orders;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.PageRequest;
import io.throughline.privacy.AccessAudit;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import io.throughline.events.EventTimeline;
import io.throughline.events.LoggedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer 360: everything known of one customer on one page — facts, identifiers, traits, channels, merges —
 * and her events across channels, newest first, loading older ones as the agent scrolls.
 */
@Controller
@RequestMapping("/customers/{id}")
@PreAuthorize(StaffPermission.Rules.READ_CUSTOMERS)
class Customer360Controller {

    static final int TIMELINE_PAGE_SIZE = 25;
    static final int ORDERS_SHOWN = 10;

    /** The timeline's filters; blank means "any". */
    record TimelineFilter(@Nullable String channel, @Nullable String event) {

        static TimelineFilter of(@Nullable String channel, @Nullable String event) {
            return new TimelineFilter(blankToNull(channel), blankToNull(event));
        }

        public boolean active() {
            return channel != null || event != null;
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** One event as the timeline shows it; {@code json} is the collected event, pretty-printed. */
    record TimelineEntry(long seq, Instant occurredAt, String channel, String label, String json) {}

    /** Up to a page of entries, and the cursor of the next (older) page when there is one. */
    record TimelinePage(List<TimelineEntry> entries, @Nullable Long nextCursor) {}

    /** A trait with its JSON value made readable: a string without its quotes, anything else as JSON. */
    record TraitRow(String name, String value, boolean plainText, Instant observedAt) {}

    private final CustomerProfiles customers;
    private final EventTimeline timeline;
    private final ProfileMerges merges;
    private final AccessAudit audit;
    private final JsonMapper json;
    private final Orders orders;
    private final Carts carts;

    Customer360Controller(CustomerProfiles customers, EventTimeline timeline, ProfileMerges merges,
            AccessAudit audit, JsonMapper json, Orders orders, Carts carts) {
        this.orders = orders;
        this.carts = carts;
        this.customers = customers;
        this.timeline = timeline;
        this.merges = merges;
        this.audit = audit;
        this.json = json;
    }

    /** The whole page. The filters are parameters too, so the filter form also works as a plain GET form. */
    @GetMapping
    String customer(@PathVariable UUID id, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String event, Authentication staff, Model model) {
        CustomerOverview overview = customers.overview(id);
        CustomerProfile profile = overview.profile();
        audit.record(CurrentStaff.id(staff), List.of(profile.id()), "console:customer-360");
        TimelineFilter filter = TimelineFilter.of(channel, event);
        model.addAttribute("area", ConsoleArea.CUSTOMERS);
        model.addAttribute("customer", profile);
        model.addAttribute("overview", overview);
        // The profiles module answers for a merged id with the survivor; the page says so instead of pretending.
        model.addAttribute("mergedFrom", id.equals(profile.id()) ? null : id);
        model.addAttribute("traits", overview.traits().stream().map(this::traitRow).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("timeline", timelinePage(profile.id(), null, filter));
        model.addAttribute("orders", orders.ofCustomer(profile.id(), new PageRequest(0, ORDERS_SHOWN)));
        model.addAttribute("openCart", carts.openCartOf(profile.id()).orElse(null));
        return "console/customers/detail";
    }

    /**
     * A timeline fragment for htmx: without a cursor the whole list (the filters changed), with one the next
     * page of entries, which replaces the sentinel element that asked for it.
     */
    @GetMapping("/timeline")
    String timeline(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long cursor,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String event,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Authentication staff, Model model, RedirectAttributes redirect) {
        TimelineFilter filter = TimelineFilter.of(channel, event);
        if (htmx == null) {
            // Someone who follows the fragment's address, e.g. from history, gets the whole page, filtered alike.
            if (filter.channel() != null) {
                redirect.addAttribute("channel", filter.channel());
            }
            if (filter.event() != null) {
                redirect.addAttribute("event", filter.event());
            }
            return "redirect:/customers/{id}";
        }
        CustomerProfile profile = customers.get(id);
        audit.record(CurrentStaff.id(staff), List.of(profile.id()), "console:timeline");
        model.addAttribute("customer", profile);
        model.addAttribute("filter", filter);
        model.addAttribute("timeline", timelinePage(profile.id(), cursor, filter));
        return cursor == null ? "console/customers/timeline :: timeline" : "console/customers/timeline :: entries";
    }

    /** Admins undo a merge from the merge history; the page then shows what went back. */
    @PostMapping("/merges/{mergeId}/unmerge")
    @PreAuthorize("hasRole('ADMIN')")
    String unmerge(@PathVariable UUID id, @PathVariable UUID mergeId, Authentication staff,
            RedirectAttributes redirect) {
        UnmergeOutcome outcome = merges.unmerge(mergeId, CurrentStaff.id(staff));
        redirect.addFlashAttribute("unmerged", outcome.identitiesMoved() + " identifiers and "
                + outcome.eventsMoved() + " events");
        return "redirect:/customers/{id}";
    }

    private TimelinePage timelinePage(UUID profileId, @Nullable Long before, TimelineFilter filter) {
        // One more than a page tells whether an older page exists without counting the customer's events.
        List<LoggedEvent> events = timeline.page(profileId, before, TIMELINE_PAGE_SIZE + 1, filter.channel(),
                filter.event());
        List<TimelineEntry> entries = events.stream().limit(TIMELINE_PAGE_SIZE)
                .map(logged -> new TimelineEntry(logged.seq(), logged.occurredAt(), logged.channel(), logged.label(),
                        prettyJson(logged.payload())))
                .toList();
        return new TimelinePage(entries, events.size() > TIMELINE_PAGE_SIZE ? entries.getLast().seq() : null);
    }

    private String prettyJson(String payload) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
    }

    private TraitRow traitRow(CustomerOverview.Trait trait) {
        JsonNode value = json.readTree(trait.value());
        return value.isString()
                ? new TraitRow(trait.name(), value.asString(), true, trait.observedAt())
                : new TraitRow(trait.name(), value.toString(), false, trait.observedAt());
    }
}
