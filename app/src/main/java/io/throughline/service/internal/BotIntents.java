package io.throughline.service.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a customer's line asks the first-line bot, from word stems in Hungarian, Polish, Slovak and English (accents
 * folded, so "rendelés" and "rendeles" are one word): a person, where an order is (with its number when she gives
 * one), the opening hours or how returns work; anything else is not understood. Asking for a person wins over
 * everything else in the line. The language is the one whose word matched, else guessed from its letters.
 */
final class BotIntents {

    enum Language {
        EN, HU, PL, SK;

        Locale locale() {
            return Locale.forLanguageTag(name().toLowerCase(Locale.ROOT));
        }
    }

    /** What the line asks. */
    sealed interface Intent {
        Language language();
    }

    record Handover(Language language) implements Intent {}

    record OrderStatus(@Nullable String number, Language language) implements Intent {}

    record OpeningHours(Language language) implements Intent {}

    record ReturnPolicy(Language language) implements Intent {}

    record NotUnderstood(Language language) implements Intent {}

    private static final Pattern ORDER_NUMBER = Pattern.compile("\\b[oO]-?(\\d{1,12})\\b");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** Whole words, for the short ones that would otherwise start longer words ("person" in "personal"). */
    private static final Map<String, Language> HANDOVER_WORDS = Map.ofEntries(
            Map.entry("human", Language.EN), Map.entry("agent", Language.EN), Map.entry("person", Language.EN),
            Map.entry("operator", Language.EN), Map.entry("representative", Language.EN),
            Map.entry("ember", Language.HU), Map.entry("emberrel", Language.HU), Map.entry("embert", Language.HU),
            Map.entry("clovek", Language.SK), Map.entry("clovekom", Language.SK), Map.entry("operatorom", Language.SK),
            Map.entry("czlowiek", Language.PL), Map.entry("czlowiekiem", Language.PL));
    private static final Map<String, Language> HANDOVER_STEMS = Map.of("ugyintez", Language.HU,
            "munkatars", Language.HU, "konsultant", Language.PL, "pracownik", Language.PL,
            "pracovnik", Language.SK);
    private static final Map<String, Language> ORDER_STEMS = Map.ofEntries(Map.entry("order", Language.EN),
            Map.entry("deliver", Language.EN), Map.entry("parcel", Language.EN), Map.entry("shipp", Language.EN),
            Map.entry("rendel", Language.HU), Map.entry("csomag", Language.HU), Map.entry("szallit", Language.HU),
            Map.entry("zamowien", Language.PL), Map.entry("paczk", Language.PL), Map.entry("przesylk", Language.PL),
            Map.entry("objednav", Language.SK), Map.entry("balik", Language.SK), Map.entry("zasielk", Language.SK));
    private static final Map<String, Language> RETURN_STEMS = Map.ofEntries(Map.entry("return", Language.EN),
            Map.entry("refund", Language.EN), Map.entry("visszakuld", Language.HU), Map.entry("visszaad", Language.HU),
            Map.entry("visszater", Language.HU), Map.entry("zwrot", Language.PL), Map.entry("zwroc", Language.PL),
            Map.entry("vratit", Language.SK), Map.entry("vratenie", Language.SK), Map.entry("reklamac", Language.PL));
    private static final Map<String, Language> HOURS_STEMS = Map.ofEntries(Map.entry("open", Language.EN),
            Map.entry("hour", Language.EN), Map.entry("clos", Language.EN), Map.entry("nyitva", Language.HU),
            Map.entry("nyit", Language.HU), Map.entry("zarva", Language.HU), Map.entry("zar", Language.HU),
            Map.entry("otwar", Language.PL), Map.entry("godzin", Language.PL), Map.entry("czynn", Language.PL),
            Map.entry("otvor", Language.SK), Map.entry("otvar", Language.SK), Map.entry("hodin", Language.SK));

    Intent read(String line) {
        List<String> words = words(line);
        Language guessed = guess(line);
        Optional<Language> handover = words.stream().map(word -> {
            Language whole = HANDOVER_WORDS.get(word);
            return whole != null ? whole : stem(word, HANDOVER_STEMS);
        }).filter(java.util.Objects::nonNull).findFirst();
        if (handover.isPresent()) {
            return new Handover(handover.get());
        }
        Matcher number = ORDER_NUMBER.matcher(line);
        Optional<Language> order = first(words, ORDER_STEMS);
        if (number.find()) {
            return new OrderStatus("O-" + number.group(1), order.orElse(guessed));
        }
        // "How do I return my order?" asks about returns.
        Optional<Language> returns = first(words, RETURN_STEMS);
        if (returns.isPresent()) {
            return new ReturnPolicy(returns.get());
        }
        if (order.isPresent()) {
            return new OrderStatus(null, order.get());
        }
        Optional<Language> hours = first(words, HOURS_STEMS);
        if (hours.isPresent()) {
            return new OpeningHours(hours.get());
        }
        return new NotUnderstood(guessed);
    }

    private static Optional<Language> first(List<String> words, Map<String, Language> stems) {
        return words.stream().map(word -> stem(word, stems)).filter(java.util.Objects::nonNull).findFirst();
    }

    private static @Nullable Language stem(String word, Map<String, Language> stems) {
        for (var stem : stems.entrySet()) {
            if (word.startsWith(stem.getKey())) {
                return stem.getValue();
            }
        }
        return null;
    }

    private static List<String> words(String line) {
        String folded = Normalizer.normalize(line.toLowerCase(Locale.ROOT).replace('ł', 'l'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return WORD.matcher(folded).results().map(java.util.regex.MatchResult::group).toList();
    }

    private static Language guess(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*[őűöüáéí].*") && !lower.matches("(?s).*[čťľňšžôŕĺ].*")) {
            return Language.HU;
        }
        if (lower.matches("(?s).*[łąęśżźćń].*")) {
            return Language.PL;
        }
        if (lower.matches("(?s).*[čťľňšžôŕĺý].*")) {
            return Language.SK;
        }
        return Language.EN;
    }
}
