package io.throughline.privacy.internal.retention;

import io.throughline.platform.StaffPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.platform.CurrentStaff;
import io.throughline.platform.InvalidRequestException;
import io.throughline.privacy.Retention;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The retention job's runs, and running it by hand, for administrators. */
@RestController
@RequestMapping("/api/privacy/retention/runs")
@PreAuthorize(StaffPermission.Rules.MANAGE_PRIVACY)
@Tag(name = "Privacy")
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping
    @Operation(summary = "The latest runs of the retention job, newest first, with rows removed per table")
    List<Retention.Run> runs(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        return retention.recentRuns(limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Run the retention job now, as the nightly schedule would, and answer what it removed")
    Retention.Run run(Authentication staff) {
        return retention.runNow(CurrentStaff.id(staff));
    }
}
