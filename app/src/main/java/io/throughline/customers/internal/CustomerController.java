package io.throughline.customers.internal;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.throughline.customers.CustomerDetails;
import io.throughline.customers.CustomerBrowsing;
import io.throughline.customers.CustomerFilter;
import io.throughline.customers.CustomerNotes;
import io.throughline.customers.CustomerOverview;
import io.throughline.events.EventTimeline;
import io.throughline.events.LoggedEvent;
import io.throughline.platform.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import io.throughline.customers.CustomerProfile;
import io.throughline.customers.CustomerProfiles;
import io.throughline.customers.ProfileMerges;
import io.throughline.customers.UnmergeOutcome;
import io.throughline.platform.CurrentStaff;
import io.throughline.privacy.AccessAudit;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import io.throughline.platform.Keyset;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer profiles over REST. Analysts work with aggregates and get no personal data here; marketers may
 * read; the roles that serve customers may also write.
 */
@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "Customer profiles")
class CustomerController {

    private static final String READERS = StaffPermission.Rules.READ_CUSTOMERS;
    private static final String WRITERS = StaffPermission.Rules.EDIT_CUSTOMERS;

    private final CustomerProfiles profiles;
    private final EventTimeline timeline;
    private final ProfileMerges merges;
    private final AccessAudit audit;
    private final Consents consents;
    private final Clock clock;
    private final CustomerNotes notes;
    private final CustomerBrowsing browsing;

    CustomerController(CustomerProfiles profiles, EventTimeline timeline, ProfileMerges merges, AccessAudit audit,
            Consents consents, Clock clock, CustomerNotes notes, CustomerBrowsing browsing) {
        this.browsing = browsing;
        this.notes = notes;
        this.profiles = profiles;
        this.audit = audit;
        this.consents = consents;
        this.clock = clock;
        this.timeline = timeline;
        this.merges = merges;
    }

    /** One page of a customer's events, newest first, and the cursor of the next page. */
    record TimelinePage(List<TimelineEvent> items, @Nullable String nextCursor) {}

    /** An event as the timeline shows it; {@code event} is the JSON as collected. */
    record TimelineEvent(long seq, String channel, String type, String label, Instant occurredAt,
            Instant receivedAt, @JsonRawValue String event) {}

    /** A note on the customer's thread. */
    record NoteRequest(@NotBlank @jakarta.validation.constraints.Size(max = CustomerNotes.MAX_LENGTH) String text) {}

    /** A consent statement made by staff on the customer's behalf, e.g. on the phone. */
    record ConsentStatement(@NotBlank String purpose, @NotBlank String channel, @NotNull Boolean granted) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "List profiles, newest first, filtered by text (name, email, phone), channel used and "
            + "activity since a time, by numbered page or after the cursor of the previous answer (`next`); or find "
            + "the one holding an identifier, e.g. identity=email:ann@example.com")
    ProfileList search(Authentication staff, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String identity,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable Instant seenSince,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        if (page != null && after != null) {
            throw new InvalidRequestException("after", "cannot be combined with page; follow either one");
        }
        PageRequest pageRequest = new PageRequest(page == null ? 0 : page, size);
        if (identity != null) {
            int colon = identity.indexOf(':');
            if (colon <= 0 || colon == identity.length() - 1) {
                throw new InvalidRequestException("identity", "must be type:value, e.g. email:ann@example.com");
            }
            List<CustomerProfile> found = profiles.findByIdentity(identity.substring(0, colon),
                    identity.substring(colon + 1)).stream().toList();
            audit.record(CurrentStaff.id(staff), found.stream().map(CustomerProfile::id).toList(), "lookup");
            return ProfileList.of(new Page<>(pageRequest.page() == 0 ? found : List.of(), pageRequest.page(), size,
                    found.size()));
        }
        if (!browsing.allows(staff, q)) {
            throw new InvalidRequestException("q", "store associates look customers up: give at least "
                    + CustomerBrowsing.SHORTEST_LOOKUP + " characters of an email, phone or name");
        }
        CustomerFilter filter = new CustomerFilter(q, channel, seenSince);
        ProfileList results = after == null ? ProfileList.of(profiles.list(filter, pageRequest))
                : ProfileList.of(profiles.listAfter(filter, Keyset.Cursor.parse("after", after), size), size);
        audit.record(CurrentStaff.id(staff), results.items().stream().map(CustomerProfile::id).toList(), "search");
        return results;
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "The profile with its identifiers, traits, channels and merges")
    CustomerOverview get(@PathVariable UUID id, Authentication staff) {
        CustomerOverview overview = profiles.overview(id);
        audit.record(CurrentStaff.id(staff), List.of(overview.profile().id()), "profile");
        return overview;
    }

    @PutMapping("/{id}/consent")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Record a consent statement made through staff, e.g. on the phone")
    List<Consent> recordConsent(@PathVariable UUID id, @Valid @RequestBody ConsentStatement statement,
            Authentication staff) {
        var purpose = Consent.Purpose.of(statement.purpose()).orElseThrow(() -> new InvalidRequestException(
                "purpose", "must be one of marketing, personalization, analytics"));
        var channel = Consent.Channel.of(statement.channel()).orElseThrow(() -> new InvalidRequestException(
                "channel", "must be one of email, sms, push, in_app, phone"));
        UUID profileId = profiles.get(id).id();
        consents.record(profileId, new Consent(purpose, channel, statement.granted(),
                "staff:" + CurrentStaff.id(staff), clock.instant()));
        return consents.of(profileId);
    }

    @PostMapping("/{id}/notes")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Add a note to the customer's thread, e.g. what a call was about; it shows on her timeline")
    ResponseEntity<Void> addNote(@PathVariable UUID id, @Valid @RequestBody NoteRequest note, Authentication staff) {
        notes.add(id, CurrentStaff.id(staff), note.text());
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/merges/{mergeId}/unmerge")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Undo a merge: the absorbed profile splits back out with what was hers")
    UnmergeOutcome unmerge(@PathVariable UUID mergeId, Authentication staff) {
        return merges.unmerge(mergeId, CurrentStaff.id(staff));
    }

    @GetMapping("/{id}/timeline")
    @PreAuthorize(READERS)
    @Operation(summary = "The customer's events across channels, newest first, by cursor")
    TimelinePage timeline(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String event, Authentication staff) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException malformed) {
                throw new InvalidRequestException("cursor", "is not a cursor this API gave out");
            }
        }
        UUID profileId = profiles.get(id).id();
        audit.record(CurrentStaff.id(staff), List.of(profileId), "timeline");
        List<LoggedEvent> events = timeline.page(profileId, before, limit + 1, channel, event);
        boolean more = events.size() > limit;
        List<TimelineEvent> items = events.stream().limit(limit)
                .map(logged -> new TimelineEvent(logged.seq(), logged.channel(), logged.type().wireName(),
                        logged.label(), logged.occurredAt(), logged.receivedAt(), logged.payload()))
                .toList();
        return new TimelinePage(items, more ? Long.toString(items.getLast().seq()) : null);
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<CustomerProfile> create(@Valid @RequestBody CustomerDetails details) {
        CustomerProfile created = profiles.create(details);
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    CustomerProfile update(@PathVariable UUID id, @Valid @RequestBody CustomerDetails details) {
        return profiles.update(id, details);
    }
}
