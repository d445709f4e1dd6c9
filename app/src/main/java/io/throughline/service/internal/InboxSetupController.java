package io.throughline.service.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.StaffAccounts;
import io.throughline.platform.StaffPermission;
import io.throughline.platform.StaffRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What administrators set up: agents' capacities and teams, and the inbox's settings. */
@RestController
@Tag(name = "Service", description = "The agent inbox: queue, conversations, answers, notes, calls, assignment")
class InboxSetupController {

    static final String ADMINS = StaffPermission.Rules.CONFIGURE_SERVICE;

    record AgentRequest(@Min(0) @Max(100) int capacity, boolean available,
            @Nullable List<@Size(min = 1, max = 60) String> teams) {}

    private final MailboxPoller mailbox;
    private final AgentStore agents;
    private final ServiceSettings settings;
    private final StaffAccounts staff;
    private final Clock clock;

    InboxSetupController(MailboxPoller mailbox, AgentStore agents, ServiceSettings settings, StaffAccounts staff,
            Clock clock) {
        this.mailbox = mailbox;
        this.agents = agents;
        this.settings = settings;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/api/service/agents")
    @PreAuthorize(ADMINS)
    @Operation(summary = "The inbox's agents with their capacity, availability and teams")
    List<Agent> agents() {
        return agents.list();
    }

    @PutMapping("/api/service/agents/{staffId}")
    @PreAuthorize(ADMINS)
    @Operation(summary = "Make a member of staff an agent of the inbox, or change her capacity, availability and teams")
    Agent agent(@PathVariable UUID staffId, @Valid @RequestBody AgentRequest request) {
        var account = staff.get(staffId);
        if (account.role() != StaffRole.AGENT && account.role() != StaffRole.ADMIN) {
            throw new InvalidRequestException("staffId", "must be an agent or an administrator");
        }
        agents.save(staffId, request.capacity(), request.available(),
                request.teams() == null ? List.of() : request.teams(), clock.instant());
        return agents.list().stream().filter(agent -> agent.staffId().equals(staffId)).findFirst().orElseThrow();
    }

    @PostMapping("/api/service/mailbox/poll")
    @PreAuthorize(ADMINS)
    @Operation(summary = "Read the support mailbox now (it is also read every 30 seconds); answers how many "
            + "messages reached the inbox")
    Map<String, Integer> poll() {
        return Map.of("received", mailbox.poll());
    }

    @GetMapping("/api/service/settings")
    @PreAuthorize(ADMINS)
    @Operation(summary = "The inbox's settings; passwords and secrets show only whether they are set")
    Map<String, String> settings() {
        Map<String, String> shown = new LinkedHashMap<>();
        settings.all().forEach((key, value) -> shown.put(key, ServiceSettings.SECRETS.contains(key)
                ? (value.isEmpty() ? "" : "(set)") : value));
        return shown;
    }

    @PutMapping("/api/service/settings")
    @PreAuthorize(ADMINS)
    @Operation(summary = "Change some of the inbox's settings: reopen-within-hours, first-response-minutes, "
            + "auto-assign, mail servers, the inbound email webhook's secret")
    Map<String, String> change(@RequestBody Map<String, String> changes) {
        settings.change(changes);
        return settings();
    }
}
