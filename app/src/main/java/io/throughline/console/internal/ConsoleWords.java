package io.throughline.console.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The console's texts by message key, in the reader's language, for sentences built in Java (a journey read out,
 * a promotion's terms). Keys are written literally at the call so that the language checks find them.
 */
@FunctionalInterface
interface ConsoleWords {

    String get(String key, Object... arguments);

    /** The texts of the bundles in the language of the request being answered. */
    static ConsoleWords of(MessageSource texts) {
        return (key, arguments) -> texts.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
