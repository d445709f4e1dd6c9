package io.throughline.inventory;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;

/** When a location is open on one weekday, local time, {@code HH:mm}; a day without an entry is closed. */
public record OpeningHours(
        @NotNull DayOfWeek day,
        @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String opens,
        @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String closes) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /** Zero-padded HH:mm compares as text in time order. */
    @AssertTrue(message = "must close after it opens")
    public boolean isClosingAfterOpening() {
        return opens == null || closes == null || opens.compareTo(closes) < 0;
    }
}
