package io.throughline.segments.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A segment's definition as saved: its key, name, and the condition a member meets. */
record Definition(String key, String name, @Nullable String description, Condition condition) {

    /** The keys of the other segments it refers to. */
    Set<String> references() {
        Set<String> keys = new LinkedHashSet<>();
        walk(condition, node -> {
            if (node instanceof Condition.InSegment in) {
                keys.add(in.key());
            }
        });
        return keys;
    }

    /** The event names its behavioural conditions read; null stands for "any event" (a channel used). */
    Set<@Nullable String> eventNames() {
        Set<@Nullable String> names = new java.util.HashSet<>();
        walk(condition, node -> {
            switch (node) {
                case Condition.Events events -> names.add(events.event());
                case Condition.Affinity affinity -> names.addAll(affinity.events());
                case Condition.PromotionShare share -> names.add(io.throughline.events.EventNames.ORDER_COMPLETED);
                case Condition.OpenCase open -> {
                    names.add(io.throughline.events.EventNames.CONVERSATION_STARTED);
                    names.add(io.throughline.events.EventNames.CONVERSATION_RESOLVED);
                }
                default -> { }
            }
        });
        return names;
    }

    /** Whether membership can change with nothing but time passing (windows, age, birthdays). */
    boolean timeDependent() {
        boolean[] found = {false};
        walk(condition, node -> found[0] |= node instanceof Condition.Events || node instanceof Condition.Age
                || node instanceof Condition.BirthdayThisMonth || node instanceof Condition.Affinity
                || node instanceof Condition.PromotionShare || node instanceof Condition.OpenCase);
        return found[0];
    }

    /** The longest window of its behavioural conditions. */
    Duration longestWindow() {
        Duration[] longest = {Duration.ZERO};
        walk(condition, node -> {
            Duration window = switch (node) {
                case Condition.Events events -> events.window();
                case Condition.Affinity affinity -> affinity.window();
                case Condition.PromotionShare share -> share.window();
                default -> Duration.ZERO;
            };
            if (window.compareTo(longest[0]) > 0) {
                longest[0] = window;
            }
        });
        return longest[0];
    }

    static void walk(Condition condition, java.util.function.Consumer<Condition> visitor) {
        visitor.accept(condition);
        switch (condition) {
            case Condition.All all -> all.conditions().forEach(child -> walk(child, visitor));
            case Condition.Any any -> any.conditions().forEach(child -> walk(child, visitor));
            case Condition.Not not -> walk(not.condition(), visitor);
            // A score is its expansion: what reads windows and event names finds them there.
            case Condition.Rfm rfm -> walk(rfm.expanded(), visitor);
            default -> { }
        }
    }
}
