package io.throughline.console.internal;

import io.throughline.platform.CurrentStaff;
import io.throughline.platform.StaffPreferences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language and time zone of a request: what the signed-in member of staff chose on her preferences page,
 * else the browser's language (among those the console speaks) and the brand's zone.
 */
@Component("localeResolver")
class ConsoleLocales implements LocaleContextResolver {

    /** The languages the console has texts in; any other reads English. */
    static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("hu"),
            Locale.forLanguageTag("pl"), Locale.forLanguageTag("sk"));

    private final StaffPreferences preferences;
    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    ConsoleLocales(StaffPreferences preferences) {
        this.preferences = preferences;
        browser.setSupportedLocales(SPOKEN);
        browser.setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        StaffPreferences.Preference chosen = chosen();
        Locale locale = chosen.language() != null ? chosen.language() : browser.resolveLocale(request);
        TimeZone zone = chosen.zone() == null ? null : TimeZone.getTimeZone(chosen.zone());
        return new SimpleTimeZoneAwareLocaleContext(locale, zone);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
            @Nullable LocaleContext localeContext) {
        throw new UnsupportedOperationException("Staff choose their language on their preferences page");
    }

    private StaffPreferences.Preference chosen() {
        Authentication staff = SecurityContextHolder.getContext().getAuthentication();
        if (staff != null && staff.getPrincipal() instanceof CurrentStaff.Identified identified) {
            return preferences.of(identified.staffId());
        }
        return StaffPreferences.Preference.NONE;
    }
}
