package io.throughline.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.service.BusinessCalendar;
import io.throughline.service.BusinessCalendar.Holiday;
import io.throughline.service.BusinessCalendar.WorkingHours;
import io.throughline.service.Medium;
import io.throughline.service.Priority;
import io.throughline.service.SlaPolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Due times counted in a Budapest office's working hours, and which policy a case falls under. */
class CountingWorkingTimeTests {

    private static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");

    private static BusinessCalendar office(List<Holiday> holidays) {
        List<WorkingHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            hours.add(new WorkingHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        // Friday is a split shift.
        hours.add(new WorkingHours(DayOfWeek.FRIDAY, LocalTime.of(13, 0), LocalTime.of(16, 0)));
        hours.add(new WorkingHours(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)));
        return new BusinessCalendar(UUID.randomUUID(), "Budapest office", BUDAPEST, hours, holidays);
    }

    private static Instant budapest(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BUDAPEST).toInstant();
    }

    @Test
    void aMessageLateOnFridayIsDueOnMondayMorningAfterTheWeekend() {
        BusinessHours hours = new BusinessHours(office(List.of()));

        // 2026-12-04 is a Friday: 30 minutes are left of its afternoon shift.
        Instant due = hours.plus(budapest("2026-12-04T15:30"), Duration.ofMinutes(60));

        assertThat(due).isEqualTo(budapest("2026-12-07T09:30"));
    }

    @Test
    void theLunchBreakOfASplitShiftAndTheNightDoNotCount() {
        BusinessHours hours = new BusinessHours(office(List.of()));

        assertThat(hours.plus(budapest("2026-12-04T11:30"), Duration.ofMinutes(60)))
                .isEqualTo(budapest("2026-12-04T13:30"));
        assertThat(hours.plus(budapest("2026-12-03T20:00"), Duration.ofMinutes(10)))
                .as("a message at night waits for the morning").isEqualTo(budapest("2026-12-04T08:10"));
        assertThat(hours.plus(budapest("2026-12-03T16:00"), Duration.ofHours(8)))
                .as("an hour on Thursday, four in the morning, three in the afternoon")
                .isEqualTo(budapest("2026-12-04T16:00"));
    }

    @Test
    void holidaysAreSkippedWholeAndSummerTimeKeepsTheClockHours() {
        BusinessHours christmas = new BusinessHours(office(List.of(new Holiday(LocalDate.of(2026, 12, 24), "Christmas Eve"),
                new Holiday(LocalDate.of(2026, 12, 25), "Christmas"))));

        // Wednesday 23 December, half an hour before closing; Thursday and Friday are holidays.
        assertThat(christmas.plus(budapest("2026-12-23T16:30"), Duration.ofMinutes(60)))
                .isEqualTo(budapest("2026-12-28T09:30"));

        BusinessHours office = new BusinessHours(office(List.of()));
        // The clocks go forward on Sunday 29 March 2026; Monday still opens at nine local time.
        assertThat(office.plus(budapest("2026-03-27T15:50"), Duration.ofMinutes(20)))
                .isEqualTo(budapest("2026-03-30T09:10"));
    }

    @Test
    void theMostSpecificPolicyWinsAndPriorityOutweighsTheMedium() {
        SlaPolicy anyCase = new SlaPolicy(UUID.randomUUID(), "Everything", null, null, 240, 2880, null);
        SlaPolicy email = new SlaPolicy(UUID.randomUUID(), "Email", null, Medium.EMAIL, 120, 1440, null);
        SlaPolicy urgent = new SlaPolicy(UUID.randomUUID(), "Urgent", Priority.URGENT, null, 15, 240, null);
        SlaPolicy urgentChat = new SlaPolicy(UUID.randomUUID(), "Urgent chat", Priority.URGENT, Medium.CHAT, 2, 60,
                null);
        List<SlaPolicy> policies = List.of(anyCase, email, urgent, urgentChat);
        SlaPolicyChoice choice = new SlaPolicyChoice();

        assertThat(choice.choose(policies, Priority.NORMAL, Medium.SMS)).contains(anyCase);
        assertThat(choice.choose(policies, Priority.NORMAL, Medium.EMAIL)).contains(email);
        assertThat(choice.choose(policies, Priority.URGENT, Medium.EMAIL)).contains(urgent);
        assertThat(choice.choose(policies, Priority.URGENT, Medium.CHAT)).contains(urgentChat);
        assertThat(choice.choose(List.of(email), Priority.LOW, Medium.SMS)).isEmpty();
    }

    @Test
    void placeholdersAreFilledWithHerDetailsOrTheFallbackAndUnknownOnesAreRefused() {
        var values = new java.util.HashMap<String, @org.jspecify.annotations.Nullable String>();
        values.put("firstName", "Réka");
        values.put("agentName", null);

        assertThat(Placeholders.fill("Dear {{firstName|customer}}, {{ agentName | the team }} here.", values))
                .isEqualTo("Dear Réka, the team here.");
        assertThat(Placeholders.fill("Dear {{lastName}}!", values)).isEqualTo("Dear !");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Placeholders.check("Hi {{nickname}}",
                List.of("firstName"), "body"))
                .isInstanceOf(io.throughline.platform.InvalidRequestException.class).hasMessageContaining("nickname");
    }
}
