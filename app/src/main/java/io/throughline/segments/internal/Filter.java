package io.throughline.segments.internal;

import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A comparison of one top-level property of an event (or one trait) with a typed value. Its meaning is the
 * same in both evaluators: a value compares only with a property of its own JSON type (a number with a
 * number, text with text, true/false with true/false); {@code contains} finds text in text, or an element in
 * an array; {@code ne} is "not eq", so it holds when the property is missing; the rest fail then.
 */
record Filter(String property, Op op, Value value) {

    enum Op {
        EQ, NE, GT, GTE, LT, LTE, CONTAINS, EXISTS;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The value compared with. */
    sealed interface Value {
        record Text(String text) implements Value {}

        record Number(BigDecimal number) implements Value {}

        record Bool(boolean bool) implements Value {}

        record None() implements Value {}
    }

    boolean test(JsonNode object) {
        JsonNode actual = object.path(property);
        boolean present = !actual.isMissingNode() && !actual.isNull();
        return switch (op) {
            case EXISTS -> present;
            case EQ -> present && same(actual);
            case NE -> !(present && same(actual));
            case GT, GTE, LT, LTE -> present && actual.isNumber() && value instanceof Value.Number number
                    && compare(actual.decimalValue().compareTo(number.number()));
            case CONTAINS -> present && value instanceof Value.Text text && (actual.isString()
                    ? actual.asString().contains(text.text())
                    : actual.isArray() && actual.valueStream().anyMatch(item -> item.isString()
                            && item.asString().equals(text.text())));
        };
    }

    private boolean compare(int compared) {
        return switch (op) {
            case GT -> compared > 0;
            case GTE -> compared >= 0;
            case LT -> compared < 0;
            default -> compared <= 0;
        };
    }

    private boolean same(JsonNode actual) {
        return switch (value) {
            case Value.Text text -> actual.isString() && actual.asString().equals(text.text());
            case Value.Number number -> actual.isNumber() && actual.decimalValue().compareTo(number.number()) == 0;
            case Value.Bool bool -> actual.isBoolean() && actual.asBoolean() == bool.bool();
            case Value.None none -> false;
        };
    }

    /** How it reads in an explanation: {@code name contains "Aszú"}. */
    String describe() {
        return switch (value) {
            case Value.Text text -> property + " " + op.key() + " \"" + text.text() + "\"";
            case Value.Number number -> property + " " + op.key() + " " + number.number().toPlainString();
            case Value.Bool bool -> property + " " + op.key() + " " + bool.bool();
            case Value.None none -> property + " " + op.key();
        };
    }
}
