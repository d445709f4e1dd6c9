package io.throughline.segments.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One node of a segment's definition. The tree is data: both evaluators ({@link LiveEvaluator} in Java,
 * {@link SqlEvaluator} in SQL) read it, and nothing in it is ever run as code.
 */
sealed interface Condition {

    /** Every condition holds. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one condition holds. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {}

    /** A trait compared with a value: gender, language, income band, interests, or any other. */
    record Trait(Filter filter) implements Condition {}

    /** Age in whole years from the {@code birthday} trait, between {@code min} and {@code max} inclusive. */
    record Age(@Nullable Integer min, @Nullable Integer max) implements Condition {}

    /** Her birthday falls in the current month. */
    record BirthdayThisMonth() implements Condition {}

    /**
     * Her events of a name (any name when null) on a channel (any when null) with the filters, within the
     * window before now, counted or with a numeric property summed, compared with a value.
     */
    record Events(@Nullable String event, @Nullable String channel, List<Filter> where, Duration window,
            Measure measure, Comparison comparison, BigDecimal value) implements Condition {
        public Events {
            where = List.copyOf(where);
        }
    }

    /** Where she lives, from her address traits: the country (ISO code), the city, or a postcode prefix. */
    record Place(PlaceField field, List<String> values) implements Condition {
        public Place {
            values = List.copyOf(values);
        }
    }

    /** She lives within {@code km} of a shop, whose coordinates were read when the definition was saved. */
    record NearShop(String shop, double km, double latitude, double longitude) implements Condition {}

    /** She consented to the purpose on the channel, e.g. marketing by email. */
    record Consented(String purpose, String channel) implements Condition {
        String key() {
            return purpose + ":" + channel;
        }
    }

    /** She is a member of another segment. */
    record InSegment(String key) implements Condition {}

    /**
     * A recency, frequency or monetary score from 0 to 5 over her "Order Completed" of the last 365 days, compared
     * with a value. It is shorthand: {@link #expanded()} says it in behavioural conditions, which is what both
     * evaluators read, so its meaning is theirs.
     */
    record Rfm(RfmScore score, List<BigDecimal> bands, @Nullable String currency, Comparison comparison, int value)
            implements Condition {
        public Rfm {
            bands = List.copyOf(bands);
        }

        /** The same condition in events, counts and sums. */
        Condition expanded() {
            return RfmScores.expand(this);
        }
    }

    /** Which of the three scores. */
    enum RfmScore {
        RECENCY, FREQUENCY, MONETARY;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An inferred affinity: among the text values a property takes in her events of some names within the
     * window, {@code value} is one of her {@code top} most frequent (ties share a rank: fewer than {@code top}
     * values occur more often than it, and it occurs at least once). Top categories read "Product Viewed"'s
     * {@code category}; the preferred channel reads the {@code channel} of the messages she opened or clicked.
     */
    record Affinity(AffinityKind kind, List<String> events, String property, String value, int top, Duration window)
            implements Condition {
        public Affinity {
            events = List.copyOf(events);
        }
    }

    enum AffinityKind {
        TOP_CATEGORY, PREFERRED_CHANNEL
    }

    /**
     * Price sensitivity: the share of her "Order Completed" within the window made on promotion (a discount above
     * zero or a coupon) compared with a share from 0 to 1; false when she has no order in the window.
     */
    record PromotionShare(Duration window, Comparison comparison, BigDecimal share) implements Condition {}

    /** She has a service case that was started and not resolved, as the service module logged them. */
    record OpenCase() implements Condition {}

    /** What of the matching events is compared: how many, or the sum of a numeric property. */
    sealed interface Measure {
        record Count() implements Measure {}

        record Sum(String property) implements Measure {}
    }

    enum PlaceField {
        COUNTRY, CITY, POSTCODE;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Comparison {
        EQ("="), NE("≠"), GT(">"), GTE("≥"), LT("<"), LTE("≤");

        final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int compared) {
            return switch (this) {
                case EQ -> compared == 0;
                case NE -> compared != 0;
                case GT -> compared > 0;
                case GTE -> compared >= 0;
                case LT -> compared < 0;
                case LTE -> compared <= 0;
            };
        }

        String sql() {
            return switch (this) {
                case EQ -> "=";
                case NE -> "<>";
                case GT -> ">";
                case GTE -> ">=";
                case LT -> "<";
                case LTE -> "<=";
            };
        }
    }
}
