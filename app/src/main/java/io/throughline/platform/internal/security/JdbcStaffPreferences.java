package io.throughline.platform.internal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.StaffPreferences;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff preferences in their account rows. Every console page asks for them, so they are cached briefly; a
 * change on this node is seen at once, one on another node within the minute.
 */
@Component
class JdbcStaffPreferences implements StaffPreferences {

    private final JdbcClient jdbc;
    private final Cache<UUID, Preference> cache = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    JdbcStaffPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Preference of(UUID staffId) {
        return cache.get(staffId, this::read);
    }

    private Preference read(UUID staffId) {
        return jdbc.sql("SELECT time_zone, language FROM platform.staff_account WHERE id = ?")
                .param(staffId)
                .query((row, number) -> new Preference(zone(row.getString("time_zone")),
                        language(row.getString("language"))))
                .optional().orElse(Preference.NONE);
    }

    @Override
    public Preference choose(UUID staffId, @Nullable ZoneId zone, @Nullable Locale language) {
        int changed = jdbc.sql("UPDATE platform.staff_account SET time_zone = ?, language = ? WHERE id = ?")
                .param(zone == null ? null : zone.getId())
                .param(language == null ? null : language.toLanguageTag())
                .param(staffId)
                .update();
        if (changed == 0) {
            throw new NotFoundException("staff", staffId);
        }
        cache.invalidate(staffId);
        return of(staffId);
    }

    /** A zone stored by an older JVM that this one no longer knows reads as no choice, not as an error. */
    private static @Nullable ZoneId zone(@Nullable String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (java.time.DateTimeException unknown) {
            return null;
        }
    }

    private static @Nullable Locale language(@Nullable String tag) {
        return tag == null ? null : Locale.forLanguageTag(tag);
    }
}
