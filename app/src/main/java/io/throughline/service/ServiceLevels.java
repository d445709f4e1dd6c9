package io.throughline.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Service-level policies on business-hours calendars, and how well the contact centre kept them. */
public interface ServiceLevels {

    List<SlaPolicy> policies();

    /** A new policy (id null) or a change to one; applies to cases opened, reopened or re-prioritised after. */
    SlaPolicy savePolicy(@Nullable UUID id, String name, @Nullable Priority priority, @Nullable Medium medium,
            int firstResponseMinutes, int resolutionMinutes, @Nullable UUID calendarId);

    void deletePolicy(UUID id);

    List<BusinessCalendar> calendars();

    /** A new calendar (id null) or a change to one; the zone is the brand's when null. */
    BusinessCalendar saveCalendar(@Nullable UUID id, String name, @Nullable ZoneId zone,
            List<BusinessCalendar.WorkingHours> hours, List<BusinessCalendar.Holiday> holidays);

    /** Cases opened in {@code [from, to)}: how many kept their first-response and resolution targets. */
    SlaSummary summary(Instant from, Instant to);

    /**
     * @param decided    cases whose targets are settled (kept or breached); {@code met} of them kept every target
     * @param percentMet the share of settled cases that kept every target, in percent; null when none is settled
     */
    record SlaSummary(long decided, long met, long firstResponseDecided, long firstResponseMet,
            long resolutionDecided, long resolutionMet, @Nullable Double percentMet) {

        public static SlaSummary of(long decided, long met, long firstResponseDecided, long firstResponseMet,
                long resolutionDecided, long resolutionMet) {
            return new SlaSummary(decided, met, firstResponseDecided, firstResponseMet, resolutionDecided,
                    resolutionMet, decided == 0 ? null : Math.round(1000.0 * met / decided) / 10.0);
        }
    }
}
