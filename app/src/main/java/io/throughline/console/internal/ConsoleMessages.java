package io.throughline.console.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The console's texts, one bundle per area under {@code i18n/} (English as the base file, {@code _hu},
 * {@code _pl}, {@code _sk} beside it). Every bundle found there is loaded, so an area adds its texts without
 * touching a shared list; a missing translation falls back to English, never to the server's own locale.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleMessages {

    private static final Pattern TRANSLATION_SUFFIX = Pattern.compile("_[a-z]{2}(_[A-Z]{2})?$");

    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(bundles());
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setCacheMillis(-1);
        return messages;
    }

    /** The base names of every bundle in {@code i18n/}, e.g. {@code classpath:i18n/customers}. */
    static String[] bundles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            return Arrays.stream(files)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .map(name -> TRANSLATION_SUFFIX.matcher(name.substring(0, name.length() - ".properties".length()))
                            .replaceAll(""))
                    .distinct()
                    .sorted()
                    .map(base -> "classpath:i18n/" + base)
                    .toArray(String[]::new);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
