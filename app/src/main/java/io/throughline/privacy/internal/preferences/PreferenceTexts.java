package io.throughline.privacy.internal.preferences;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The preference centre's words in the customer's language ({@code i18n/preference-centre*.properties}), chosen by the
 * link's {@code lang} or her browser, never by staff settings. Templates call {@code t.get('prefs.title')}.
 */
record PreferenceTexts(MessageSource messages, Locale language) {

    static final List<String> LANGUAGES = List.of("en", "hu", "pl", "sk");

    /** The language asked for, if we speak it; else the first of the browser's we speak; else English. */
    static Locale choose(@Nullable String asked, List<Locale> browser) {
        if (asked != null && LANGUAGES.contains(asked)) {
            return Locale.forLanguageTag(asked);
        }
        return browser.stream().map(Locale::getLanguage).filter(LANGUAGES::contains).findFirst()
                .map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }

    public String get(String key) {
        return messages.getMessage(key, null, key, language);
    }

    public String tag() {
        return language.getLanguage();
    }

    /** The version of the wording she saw, recorded with every change as part of its proof. */
    String wordingVersion() {
        return get("prefs.wording-version");
    }
}
