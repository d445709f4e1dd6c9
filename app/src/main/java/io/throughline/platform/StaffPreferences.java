package io.throughline.platform;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The time zone and language a member of staff chose for the console; each empty until she chooses. */
public interface StaffPreferences {

    /** What she chose; nothing for an unknown id. */
    Preference of(UUID staffId);

    /**
     * Keeps her choice; {@code null} goes back to the brand's zone or the browser's language.
     *
     * @throws NotFoundException when there is no such member of staff
     */
    Preference choose(UUID staffId, @Nullable ZoneId zone, @Nullable Locale language);

    record Preference(@Nullable ZoneId zone, @Nullable Locale language) {
        public static final Preference NONE = new Preference(null, null);
    }
}
