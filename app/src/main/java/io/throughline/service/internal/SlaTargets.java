package io.throughline.service.internal;

import io.throughline.service.BusinessCalendar;
import io.throughline.service.Medium;
import io.throughline.service.Priority;
import io.throughline.service.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The due times of a case from the moment its clock starts (opened, reopened, re-prioritised): the chosen
 * policy's targets counted in its calendar's working time; without a policy, the inbox's default targets
 * around the clock.
 */
@Component
class SlaTargets {

    /** The policy that set them (null for the defaults) and the two due times. */
    record Targets(@Nullable UUID policyId, Instant firstResponseDue, Instant resolutionDue) {}

    private final JdbcServiceLevels levels;
    private final ServiceSettings settings;
    private final SlaPolicyChoice choice = new SlaPolicyChoice();

    SlaTargets(JdbcServiceLevels levels, ServiceSettings settings) {
        this.levels = levels;
        this.settings = settings;
    }

    Targets from(Instant start, Medium medium, Priority priority) {
        Optional<SlaPolicy> policy = choice.choose(levels.policies(), priority, medium);
        if (policy.isEmpty()) {
            return new Targets(null, start.plus(settings.firstResponse()), start.plus(settings.resolution()));
        }
        Duration first = Duration.ofMinutes(policy.get().firstResponseMinutes());
        Duration resolution = Duration.ofMinutes(policy.get().resolutionMinutes());
        UUID calendarId = policy.get().calendarId();
        Optional<BusinessCalendar> calendar = calendarId == null ? Optional.empty()
                : levels.calendars().stream().filter(c -> c.id().equals(calendarId)).findFirst();
        if (calendar.isEmpty()) {
            return new Targets(policy.get().id(), start.plus(first), start.plus(resolution));
        }
        BusinessHours hours = new BusinessHours(calendar.get());
        return new Targets(policy.get().id(), hours.plus(start, first), hours.plus(start, resolution));
    }
}
