package io.throughline.console.internal;

import io.throughline.platform.CurrentStaff;
import io.throughline.platform.StaffPreferences;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A member of staff chooses the time zone and language she reads the console in. */
@Controller
@RequestMapping("/account/preferences")
class StaffPreferencesController {

    /** Zones offered first; any other IANA zone may be typed. */
    static final List<String> COMMON_ZONES = List.of("Europe/Budapest", "Europe/Bratislava", "Europe/Warsaw",
            "Europe/Vienna", "Europe/Berlin", "Europe/London", "UTC", "America/New_York");

    private final StaffPreferences preferences;
    private final ConsoleDates dates;

    StaffPreferencesController(StaffPreferences preferences, ConsoleDates dates) {
        this.preferences = preferences;
        this.dates = dates;
    }

    @GetMapping
    String show(Authentication staff, Model model) {
        StaffPreferences.Preference chosen = preferences.of(CurrentStaff.id(staff));
        return page(chosen.zone() == null ? "" : chosen.zone().getId(),
                chosen.language() == null ? "" : chosen.language().toLanguageTag(), Map.of(), model);
    }

    @PostMapping
    String choose(Authentication staff, @RequestParam(defaultValue = "") String zone,
            @RequestParam(defaultValue = "") String language, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId chosenZone = null;
        if (!zone.isBlank()) {
            try {
                chosenZone = ZoneId.of(zone.strip());
            } catch (DateTimeException unknown) {
                errors.put("zone", "zone");
            }
        }
        Locale chosenLanguage = null;
        if (!language.isBlank()) {
            chosenLanguage = ConsoleLocales.SPOKEN.stream()
                    .filter(spoken -> spoken.toLanguageTag().equals(language.strip())).findFirst().orElse(null);
            if (chosenLanguage == null) {
                errors.put("language", "language");
            }
        }
        if (!errors.isEmpty()) {
            return page(zone, language, errors, model);
        }
        preferences.choose(CurrentStaff.id(staff), chosenZone, chosenLanguage);
        return "redirect:/account/preferences?saved";
    }

    private String page(String zone, String language, Map<String, String> errors, Model model) {
        model.addAttribute("zone", zone);
        model.addAttribute("language", language);
        model.addAttribute("errors", errors);
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("languages", ConsoleLocales.SPOKEN.stream().map(Locale::toLanguageTag).toList());
        model.addAttribute("brandZone", dates.brandZone().getId());
        return "console/preferences";
    }

}
