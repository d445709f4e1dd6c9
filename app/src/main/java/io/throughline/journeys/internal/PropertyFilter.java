package io.throughline.journeys.internal;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A comparison of one property of an event (or one trait) with a value, e.g. {@code price gt 10000}. The
 * property may name a nested field with dots ({@code product.price}). Numbers compare as numbers, anything
 * else as text; a missing property passes only {@code ne} and fails everything else.
 */
record PropertyFilter(String property, Op op, JsonNode value) {

    enum Op {
        EQ, NE, GT, GTE, LT, LTE, CONTAINS, EXISTS;

        static Op of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    boolean test(JsonNode properties) {
        JsonNode actual = properties;
        for (String part : property.split("\\.")) {
            actual = actual.path(part);
        }
        return testValue(actual);
    }

    /** Compares a value already found, such as a trait's. */
    boolean testValue(JsonNode actual) {
        boolean present = !actual.isMissingNode() && !actual.isNull();
        if (op == Op.EXISTS) {
            return present == (value.isBoolean() ? value.asBoolean() : true);
        }
        if (!present) {
            return op == Op.NE;
        }
        return switch (op) {
            case EQ -> same(actual);
            case NE -> !same(actual);
            case CONTAINS -> actual.isArray()
                    ? actual.valueStream().anyMatch(item -> new PropertyFilter("", Op.EQ, value).testValue(item))
                    : actual.asString().contains(value.asString());
            case GT, GTE, LT, LTE -> {
                if (!actual.isNumber() || !value.isNumber()) {
                    yield false;
                }
                int compared = actual.decimalValue().compareTo(value.decimalValue());
                yield switch (op) {
                    case GT -> compared > 0;
                    case GTE -> compared >= 0;
                    case LT -> compared < 0;
                    default -> compared <= 0;
                };
            }
            case EXISTS -> throw new IllegalStateException("handled above");
        };
    }

    private boolean same(JsonNode actual) {
        if (actual.isNumber() && value.isNumber()) {
            return actual.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        if (actual.isBoolean() || value.isBoolean()) {
            return actual.isBoolean() && value.isBoolean() && actual.asBoolean() == value.asBoolean();
        }
        return actual.asString().equals(value.asString());
    }
}
