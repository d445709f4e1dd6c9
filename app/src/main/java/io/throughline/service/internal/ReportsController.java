package io.throughline.service.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.service.ServiceReports;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contact centre's report over HTTP. */
@RestController
@Tag(name = "Service", description = "The agent inbox: queue, conversations, answers, notes, calls, assignment")
class ReportsController {

    private final ServiceReports reports;

    ReportsController(ServiceReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/service/reports")
    @PreAuthorize(InboxController.AGENTS)
    @Operation(summary = "Resolved cases, average first-response and handling times, % SLA met and CSAT over the "
            + "days [from, to] in the brand's zone, in total, per agent and per medium, from the daily totals")
    ServiceReports.Report report(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return reports.report(from, to);
    }
}
