package io.throughline.service.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffPermission;
import io.throughline.privacy.AccessAudit;
import io.throughline.service.BusinessCalendar;
import io.throughline.service.Conversation;
import io.throughline.service.Conversations;
import io.throughline.service.Medium;
import io.throughline.service.Priority;
import io.throughline.service.ServiceLevels;
import io.throughline.service.SlaPolicy;
import io.throughline.service.SlaState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service-level policies, business-hours calendars, breach warnings and the share of targets kept. */
@RestController
@Tag(name = "Service", description = "The agent inbox: queue, conversations, answers, notes, calls, assignment")
class ServiceLevelsController {

    record PolicyRequest(@NotBlank @Size(max = 100) String name, @Nullable Priority priority, @Nullable Medium medium,
            int firstResponseMinutes, int resolutionMinutes, @Nullable UUID calendarId) {}

    record CalendarRequest(@NotBlank @Size(max = 100) String name, @Nullable String zone,
            @NotNull @Size(max = 50) List<BusinessCalendar.@Valid WorkingHours> hours,
            @Nullable @Size(max = 400) List<BusinessCalendar.@Valid Holiday> holidays) {}

    /** A case near or past a target, with its state. */
    record Warning(Conversation conversation, SlaState sla, @Nullable Instant nextDue) {}

    private final ServiceLevels levels;
    private final Conversations conversations;
    private final AccessAudit audit;

    ServiceLevelsController(ServiceLevels levels, Conversations conversations, AccessAudit audit) {
        this.levels = levels;
        this.conversations = conversations;
        this.audit = audit;
    }

    @GetMapping("/api/service/sla/policies")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "The service-level policies: targets by priority and medium on business-hours calendars")
    List<SlaPolicy> policies() {
        return levels.policies();
    }

    @PostMapping("/api/service/sla/policies")
    @PreAuthorize(InboxSetupController.ADMINS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new service-level policy")
    SlaPolicy create(@Valid @RequestBody PolicyRequest request) {
        return levels.savePolicy(null, request.name(), request.priority(), request.medium(),
                request.firstResponseMinutes(), request.resolutionMinutes(), request.calendarId());
    }

    @PutMapping("/api/service/sla/policies/{id}")
    @PreAuthorize(InboxSetupController.ADMINS)
    @Operation(summary = "Change a service-level policy; cases keep their due times until reopened or re-prioritised")
    SlaPolicy update(@PathVariable UUID id, @Valid @RequestBody PolicyRequest request) {
        return levels.savePolicy(id, request.name(), request.priority(), request.medium(),
                request.firstResponseMinutes(), request.resolutionMinutes(), request.calendarId());
    }

    @DeleteMapping("/api/service/sla/policies/{id}")
    @PreAuthorize(InboxSetupController.ADMINS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a service-level policy")
    void delete(@PathVariable UUID id) {
        levels.deletePolicy(id);
    }

    @GetMapping("/api/service/sla/calendars")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "Business-hours calendars with their working hours and holidays")
    List<BusinessCalendar> calendars() {
        return levels.calendars();
    }

    @PostMapping("/api/service/sla/calendars")
    @PreAuthorize(InboxSetupController.ADMINS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new business-hours calendar (in the brand's zone unless one is named)")
    BusinessCalendar createCalendar(@Valid @RequestBody CalendarRequest request) {
        return levels.saveCalendar(null, request.name(), zone(request.zone()), request.hours(),
                request.holidays() == null ? List.of() : request.holidays());
    }

    @PutMapping("/api/service/sla/calendars/{id}")
    @PreAuthorize(InboxSetupController.ADMINS)
    @Operation(summary = "Replace a calendar's name, zone, working hours and holidays")
    BusinessCalendar updateCalendar(@PathVariable UUID id, @Valid @RequestBody CalendarRequest request) {
        return levels.saveCalendar(id, request.name(), zone(request.zone()), request.hours(),
                request.holidays() == null ? List.of() : request.holidays());
    }

    @GetMapping("/api/service/sla/summary")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "Of the cases opened in [from, to): how many kept their first-response and resolution "
            + "targets, and the percentage that kept both")
    ServiceLevels.SlaSummary summary(@RequestParam Instant from, @RequestParam Instant to) {
        if (!to.isAfter(from)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        return levels.summary(from, to);
    }

    @GetMapping("/api/service/sla/warnings")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "Live cases within the warning period of a target or past it, the nearest due first")
    List<Warning> warnings(@RequestParam(defaultValue = "50") int limit, Authentication staff) {
        List<Conversation> list = conversations.atRisk(limit);
        if (!list.isEmpty()) {
            audit.record(CurrentStaff.id(staff), list.stream().map(Conversation::profileId).distinct().toList(),
                    "service:sla-warnings");
        }
        return list.stream().map(c -> new Warning(c, conversations.sla(c), c.nextDue())).toList();
    }

    private static @Nullable ZoneId zone(@Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException unknown) {
            throw new InvalidRequestException("zone", "is not a time zone, e.g. Europe/Budapest");
        }
    }
}
