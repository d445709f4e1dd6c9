package io.throughline.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.platform.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Every text a console page shows has an English original and a complete Hungarian translation, and money
 * reads as the staff expect it in their language.
 */
class ConsoleSpeakingTheStaffsLanguageTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A literal key in a template, e.g. {@code #{customers.title}} or {@code #{orders.count(${n})}}. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");

    private final MessageSource messages = new ConsoleMessages().messageSource();

    private static final Path CONSOLE_CODE = Path.of("src/main/java/io/throughline/console/internal");
    /**
     * A literal key the console's Java code hands to a text: {@code ConsoleText.of("orders.placed", …)},
     * {@code words.get("journeys.reading.wait", …)}, {@code text("messages.notice.created", …)}.
     */
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\\b(?:ConsoleText\\.of|words\\.get|texts\\.get|text)\\(\\s*\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");
    private static final List<Set<String>> HUNGARIAN_BUNDLES = hungarianBundles();

    private static List<Set<String>> hungarianBundles() {
        List<Set<String>> bundles = new ArrayList<>();
        try {
            for (String bundle : ConsoleMessages.bundles()) {
                bundles.add(keys(bundle.substring("classpath:".length()) + "_hu.properties"));
            }
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
        return bundles;
    }

    @Test
    void everyKeyATemplateUsesHasAnEnglishText() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    if (messages.getMessage(key.group(1), null, null, Locale.ENGLISH) == null) {
                        missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys without an English text").isEmpty();
    }

    @Test
    void everyKeyTheConsolesJavaCodeSaysHasAnEnglishAndAHungarianText() throws IOException {
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(CONSOLE_CODE)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher key = JAVA_KEY.matcher(Files.readString(source));
                while (key.find()) {
                    found++;
                    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("hu"))) {
                        if (!translated(key.group(1), locale)) {
                            missing.add(source.getFileName() + ": " + key.group(1) + " (" + locale + ")");
                        }
                    }
                }
            }
        }
        assertThat(found).as("keys found in the console's code").isGreaterThan(150);
        assertThat(missing).as("keys the console's code says without a text").isEmpty();
    }

    @Test
    void everyOrderStateAndWayOfPayingHasItsWordsOnTheOrderPages() {
        List<String> missing = new ArrayList<>();
        Map<String, Class<? extends Enum<?>>> named = Map.of("orders.state.", io.throughline.orders.OrderState.class,
                "orders.shipment.state.", io.throughline.orders.ShipmentState.class,
                "orders.delivery.", io.throughline.orders.DeliveryMethod.class,
                "orders.payment.method.", io.throughline.orders.PaymentMethod.class,
                "orders.payment.state.", io.throughline.orders.PaymentState.class,
                "orders.refundTo.", io.throughline.orders.RefundTo.class);
        named.forEach((prefix, type) -> {
            for (Enum<?> constant : type.getEnumConstants()) {
                for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("hu"))) {
                    if (!translated(prefix + constant.name(), locale)) {
                        missing.add(prefix + constant.name() + " (" + locale + ")");
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
        assertThat(messages.getMessage("orders.state.READY_FOR_PICKUP", null, Locale.forLanguageTag("hu")))
                .isEqualTo("Átvehető");
    }

    private boolean translated(String key, Locale locale) {
        // Hungarian must be its own text, not the English base bundle's.
        String text = messages.getMessage(key, null, null, locale);
        if (text == null) {
            return false;
        }
        if (locale.getLanguage().equals("hu")) {
            return HUNGARIAN_BUNDLES.stream().anyMatch(keys -> keys.contains(key));
        }
        return true;
    }

    @Test
    void everyEnglishTextHasAHungarianTranslation() throws IOException {
        List<String> untranslated = new ArrayList<>();
        for (String bundle : ConsoleMessages.bundles()) {
            String base = bundle.substring("classpath:".length());
            Set<String> hungarian = keys(base + "_hu.properties");
            for (String key : keys(base + ".properties")) {
                if (!hungarian.contains(key)) {
                    untranslated.add(base + ": " + key);
                }
            }
        }
        assertThat(ConsoleMessages.bundles()).contains("classpath:i18n/layout");
        assertThat(untranslated).as("texts without a Hungarian translation").isEmpty();
    }

    @Test
    void polishFallsBackToEnglishWhereATranslationIsMissing() {
        assertThat(messages.getMessage("area.customers", null, Locale.forLanguageTag("pl"))).isEqualTo("Customers");
        assertThat(messages.getMessage("area.customers", null, Locale.forLanguageTag("hu"))).isEqualTo("Vásárlók");
    }

    @Test
    void forintsShowNoFillerAndGroupThousandsInEitherLanguage() {
        Money price = new Money(1_463_818, "HUF");

        assertThat(MoneyFormat.format(price, Locale.forLanguageTag("hu-HU"))).isEqualTo("14\u00a0638\u00a0Ft");
        assertThat(MoneyFormat.format(price, Locale.forLanguageTag("en"))).isEqualTo("HUF\u00a014,638");
        assertThat(MoneyFormat.format(new Money(1_234_567, "EUR"), Locale.forLanguageTag("en")))
                .isEqualTo("€12,345.67");
        assertThat(MoneyFormat.format(new Money(-50_000, "HUF"), Locale.forLanguageTag("en"))).isEqualTo("-HUF\u00a0500");
    }

    @Test
    void templatesFormatMoneyInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("hu"));
        try {
            assertThat(new MoneyFormat().format(new Money(499_000, "HUF"))).isEqualTo("4\u00a0990\u00a0Ft");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleSpeakingTheStaffsLanguageTests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
