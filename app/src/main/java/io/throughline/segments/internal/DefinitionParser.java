package io.throughline.segments.internal;

import static io.throughline.platform.JsonFields.problem;
import static io.throughline.platform.JsonFields.required;
import static io.throughline.platform.JsonFields.text;
import static io.throughline.segments.internal.ConditionFields.channel;
import static io.throughline.segments.internal.ConditionFields.comparison;
import static io.throughline.segments.internal.ConditionFields.eventName;
import static io.throughline.segments.internal.ConditionFields.number;
import static io.throughline.segments.internal.ConditionFields.object;
import static io.throughline.segments.internal.ConditionFields.propertyName;
import static io.throughline.segments.internal.ConditionFields.window;
import static io.throughline.segments.internal.ConditionFields.years;

import io.throughline.events.EventNames;
import io.throughline.segments.internal.Condition.Comparison;
import io.throughline.segments.internal.Condition.Measure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a segment definition from its JSON and refuses it at the first problem, naming the JSON path at fault
 * ({@code $.condition.conditions[1].within}) and why: unknown fields and condition types, windows of zero or
 * longer than a year, more conditions than {@value #MAX_CONDITIONS}, trees deeper than {@value #MAX_DEPTH},
 * shops that do not exist, and segments that would refer to themselves through others.
 */
final class DefinitionParser {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final int MAX_CONDITIONS = 100;
    static final int MAX_DEPTH = 8;
    static final Duration LONGEST_WINDOW = Duration.ofDays(366);
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,200}");
    private static final String TYPES = "all, any, not, trait, age, birthday_this_month, events, spend, channel_used,"
            + " rfm, top_category, preferred_channel, promotion_share, open_case, place, near_shop, consent, segment";
    private static final Set<String> PURPOSES = Set.of("marketing", "personalization", "analytics");
    private static final Set<String> CONSENT_CHANNELS = Set.of("email", "sms", "push", "in_app", "phone");

    /** A shop's coordinates. */
    record Coordinates(double latitude, double longitude) {}

    private final Function<String, Optional<Coordinates>> shops;
    private final Function<String, Optional<Set<String>>> referencesOfSegment;
    private int conditions;

    /**
     * @param shops               a shop's coordinates by its code, if there is such a shop
     * @param referencesOfSegment the segment keys a saved segment refers to, if there is such a segment
     */
    DefinitionParser(Function<String, Optional<Coordinates>> shops,
            Function<String, Optional<Set<String>>> referencesOfSegment) {
        this.shops = shops;
        this.referencesOfSegment = referencesOfSegment;
    }

    Definition parse(JsonNode json) {
        conditions = 0;
        object(json, "$", Set.of("key", "name", "description", "condition"));
        String key = text(json, "$", "key");
        if (!KEY.matcher(key).matches()) {
            throw problem("$.key", "must be 1 to 63 lower-case letters, digits and dashes");
        }
        String name = text(json, "$", "name");
        if (name.isBlank() || !NAME.matcher(name).matches()) {
            throw problem("$.name", "must be 1 to 200 characters");
        }
        String description = json.hasNonNull("description") ? text(json, "$", "description") : null;
        if (description != null && description.length() > 2000) {
            throw problem("$.description", "must be at most 2000 characters");
        }
        Condition condition = condition(required(json, "$", "condition"), "$.condition", 1);
        Definition definition = new Definition(key, name, description, condition);
        checkReferences(definition);
        return definition;
    }

    private Condition condition(JsonNode json, String path, int depth) {
        if (!json.isObject()) {
            throw problem(path, "must be an object with a type (" + TYPES + ")");
        }
        if (++conditions > MAX_CONDITIONS) {
            throw problem(path, "is one condition too many: a definition holds at most " + MAX_CONDITIONS);
        }
        if (depth > MAX_DEPTH) {
            throw problem(path, "nests too deep: conditions may nest at most " + MAX_DEPTH + " levels");
        }
        String type = text(json, path, "type");
        return switch (type) {
            case "all", "any" -> {
                object(json, path, Set.of("type", "conditions"));
                JsonNode children = required(json, path, "conditions");
                if (!children.isArray() || children.isEmpty()) {
                    throw problem(path + ".conditions", "must be an array of at least one condition");
                }
                if (children.size() > MAX_CONDITIONS) {
                    throw problem(path + ".conditions", "holds " + children.size()
                            + " conditions: a definition holds at most " + MAX_CONDITIONS);
                }
                List<Condition> parsed = new ArrayList<>();
                for (int i = 0; i < children.size(); i++) {
                    parsed.add(condition(children.get(i), path + ".conditions[" + i + "]", depth + 1));
                }
                yield type.equals("all") ? new Condition.All(parsed) : new Condition.Any(parsed);
            }
            case "not" -> {
                object(json, path, Set.of("type", "condition"));
                yield new Condition.Not(condition(required(json, path, "condition"), path + ".condition", depth + 1));
            }
            case "trait" -> {
                object(json, path, Set.of("type", "trait", "op", "value"));
                yield new Condition.Trait(filter(json, path, "trait"));
            }
            case "age" -> age(json, path);
            case "birthday_this_month" -> {
                object(json, path, Set.of("type"));
                yield new Condition.BirthdayThisMonth();
            }
            case "events" -> events(json, path);
            case "spend" -> spend(json, path);
            case "channel_used" -> {
                object(json, path, Set.of("type", "channel", "within"));
                yield new Condition.Events(null, channel(json, path), List.of(), window(json, path),
                        new Measure.Count(), Comparison.GTE, BigDecimal.ONE);
            }
            case "rfm" -> InferredConditionParser.rfm(json, path);
            case "top_category" -> InferredConditionParser.topCategory(json, path);
            case "preferred_channel" -> InferredConditionParser.preferredChannel(json, path);
            case "promotion_share" -> InferredConditionParser.promotionShare(json, path);
            case "open_case" -> InferredConditionParser.openCase(json, path);
            case "place" -> place(json, path);
            case "near_shop" -> nearShop(json, path);
            case "consent" -> {
                object(json, path, Set.of("type", "purpose", "channel"));
                String purpose = text(json, path, "purpose");
                if (!PURPOSES.contains(purpose)) {
                    throw problem(path + ".purpose", "must be one of " + String.join(", ", new java.util.TreeSet<>(PURPOSES)));
                }
                String channel = text(json, path, "channel");
                if (!CONSENT_CHANNELS.contains(channel)) {
                    throw problem(path + ".channel", "must be one of " + String.join(", ",
                            new java.util.TreeSet<>(CONSENT_CHANNELS)));
                }
                yield new Condition.Consented(purpose, channel);
            }
            case "segment" -> {
                object(json, path, Set.of("type", "key"));
                String key = text(json, path, "key");
                if (!KEY.matcher(key).matches()) {
                    throw problem(path + ".key", "must be a segment key");
                }
                yield new Condition.InSegment(key);
            }
            default -> throw problem(path + ".type", "is not a condition type: '" + type + "' (" + TYPES + ")");
        };
    }

    private Condition age(JsonNode json, String path) {
        object(json, path, Set.of("type", "min", "max"));
        Integer min = json.hasNonNull("min") ? years(json, path, "min") : null;
        Integer max = json.hasNonNull("max") ? years(json, path, "max") : null;
        if (min == null && max == null) {
            throw problem(path, "must have min, max or both");
        }
        if (min != null && max != null && min > max) {
            throw problem(path + ".max", "must not be below min");
        }
        return new Condition.Age(min, max);
    }

    private Condition events(JsonNode json, String path) {
        object(json, path, Set.of("type", "event", "channel", "where", "within", "count", "sum"));
        String event = json.hasNonNull("event") ? eventName(json, path) : null;
        String channel = json.hasNonNull("channel") ? channel(json, path) : null;
        if (event == null && channel == null) {
            throw problem(path + ".event", "is required (or a channel, for any event there)");
        }
        List<Filter> where = new ArrayList<>();
        JsonNode filters = json.path("where");
        if (!filters.isMissingNode() && !filters.isNull()) {
            if (!filters.isArray() || filters.size() > 20) {
                throw problem(path + ".where", "must be an array of at most 20 property filters");
            }
            for (int i = 0; i < filters.size(); i++) {
                String filterPath = path + ".where[" + i + "]";
                object(filters.get(i), filterPath, Set.of("property", "op", "value"));
                where.add(filter(filters.get(i), filterPath, "property"));
            }
        }
        Duration window = window(json, path);
        if (json.has("count") == json.has("sum")) {
            throw problem(path + ".count", "is required: count (or sum) with op and value, e.g. {\"op\": \"gte\","
                    + " \"value\": 3}");
        }
        if (json.has("count")) {
            String countPath = path + ".count";
            JsonNode count = json.get("count");
            object(count, countPath, Set.of("op", "value"));
            BigDecimal value = number(count, countPath, "value");
            if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
                throw problem(countPath + ".value", "must be a whole number of events, 0 or more");
            }
            return new Condition.Events(event, channel, where, window, new Measure.Count(),
                    comparison(count, countPath), value);
        }
        String sumPath = path + ".sum";
        JsonNode sum = json.get("sum");
        object(sum, sumPath, Set.of("property", "op", "value"));
        String property = propertyName(sum, sumPath, "property");
        return new Condition.Events(event, channel, where, window, new Measure.Sum(property),
                comparison(sum, sumPath), number(sum, sumPath, "value"));
    }

    /** Spend is the sum of the orders' totals in one currency: "Order Completed", property {@code total}. */
    private Condition spend(JsonNode json, String path) {
        object(json, path, Set.of("type", "currency", "within", "op", "value"));
        String currency = text(json, path, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw problem(path + ".currency", "must be an ISO 4217 code such as HUF");
        }
        return new Condition.Events(EventNames.ORDER_COMPLETED, null,
                List.of(new Filter("currency", Filter.Op.EQ, new Filter.Value.Text(currency))), window(json, path),
                new Measure.Sum("total"), comparison(json, path), number(json, path, "value"));
    }

    private Condition place(JsonNode json, String path) {
        object(json, path, Set.of("type", "field", "values"));
        String field = text(json, path, "field");
        Condition.PlaceField placeField = switch (field) {
            case "country" -> Condition.PlaceField.COUNTRY;
            case "city" -> Condition.PlaceField.CITY;
            case "postcode" -> Condition.PlaceField.POSTCODE;
            default -> throw problem(path + ".field", "must be country, city or postcode");
        };
        JsonNode values = required(json, path, "values");
        if (!values.isArray() || values.isEmpty() || values.size() > 500) {
            throw problem(path + ".values", "must be an array of 1 to 500 values");
        }
        List<String> parsed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            if (!value.isString() || value.asString().isBlank() || value.asString().length() > 100) {
                throw problem(path + ".values[" + i + "]", "must be text of 1 to 100 characters");
            }
            String text = value.asString().strip();
            if (placeField == Condition.PlaceField.COUNTRY) {
                text = text.toUpperCase(Locale.ROOT);
                if (!text.matches("[A-Z]{2}")) {
                    throw problem(path + ".values[" + i + "]", "must be an ISO 3166-1 alpha-2 code such as HU");
                }
            }
            parsed.add(text);
        }
        return new Condition.Place(placeField, parsed);
    }

    private Condition nearShop(JsonNode json, String path) {
        object(json, path, Set.of("type", "shop", "km"));
        String shop = text(json, path, "shop");
        Coordinates coordinates = shops.apply(shop)
                .orElseThrow(() -> problem(path + ".shop", "names no shop: '" + shop + "'"));
        BigDecimal km = number(json, path, "km");
        if (km.signum() <= 0 || km.compareTo(BigDecimal.valueOf(20_000)) > 0) {
            throw problem(path + ".km", "must be more than 0 and at most 20000");
        }
        return new Condition.NearShop(shop, km.doubleValue(), coordinates.latitude(), coordinates.longitude());
    }

    private Filter filter(JsonNode json, String path, String subjectField) {
        String subject = propertyName(json, path, subjectField);
        String opName = text(json, path, "op");
        Filter.Op op;
        try {
            op = Filter.Op.valueOf(opName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw problem(path + ".op", "must be one of eq, ne, gt, gte, lt, lte, contains, exists");
        }
        JsonNode value = json.get("value");
        if (op == Filter.Op.EXISTS) {
            if (value != null) {
                throw problem(path + ".value", "is not used with exists");
            }
            return new Filter(subject, op, new Filter.Value.None());
        }
        if (value == null || value.isNull()) {
            throw problem(path + ".value", "is required");
        }
        Filter.Value typed;
        if (value.isNumber()) {
            typed = new Filter.Value.Number(value.decimalValue());
        } else if (value.isString() && value.asString().length() <= 500) {
            typed = new Filter.Value.Text(value.asString());
        } else if (value.isBoolean()) {
            typed = new Filter.Value.Bool(value.asBoolean());
        } else {
            throw problem(path + ".value", "must be a number, text of at most 500 characters, or true/false");
        }
        switch (op) {
            case GT, GTE, LT, LTE -> {
                if (!(typed instanceof Filter.Value.Number)) {
                    throw problem(path + ".value", "must be a number to compare with " + op.key());
                }
            }
            case CONTAINS -> {
                if (!(typed instanceof Filter.Value.Text text) || text.text().isEmpty()) {
                    throw problem(path + ".value", "must be text to look for");
                }
            }
            default -> { }
        }
        return new Filter(subject, op, typed);
    }

    private void checkReferences(Definition definition) {
        Set<String> direct = definition.references();
        List<String> paths = new ArrayList<>();
        collectSegmentPaths(definition.condition(), "$.condition", paths);
        int i = 0;
        for (String key : direct) {
            String path = paths.get(i++);
            if (key.equals(definition.key())) {
                throw problem(path + ".key", "refers to the segment itself");
            }
            Optional<Set<String>> theirs = referencesOfSegment.apply(key);
            if (theirs.isEmpty()) {
                throw problem(path + ".key", "names no segment: '" + key + "'");
            }
            // Follow the saved segments' references: reaching this one again is a cycle.
            Deque<List<String>> open = new ArrayDeque<>();
            open.push(List.of(key));
            Set<String> seen = new HashSet<>();
            while (!open.isEmpty()) {
                List<String> trail = open.pop();
                String at = trail.getLast();
                if (!seen.add(at)) {
                    continue;
                }
                for (String next : referencesOfSegment.apply(at).orElse(Set.of())) {
                    List<String> longer = new ArrayList<>(trail);
                    longer.add(next);
                    if (next.equals(definition.key())) {
                        throw problem(path + ".key", "makes a cycle of segments: " + definition.key() + " → "
                                + String.join(" → ", longer));
                    }
                    open.push(longer);
                }
            }
        }
    }

    private static void collectSegmentPaths(Condition condition, String path, List<String> paths) {
        Set<String> seen = new HashSet<>();
        collect(condition, path, paths, seen);
    }

    private static void collect(Condition condition, String path, List<String> paths, Set<String> seen) {
        switch (condition) {
            case Condition.All all -> {
                for (int i = 0; i < all.conditions().size(); i++) {
                    collect(all.conditions().get(i), path + ".conditions[" + i + "]", paths, seen);
                }
            }
            case Condition.Any any -> {
                for (int i = 0; i < any.conditions().size(); i++) {
                    collect(any.conditions().get(i), path + ".conditions[" + i + "]", paths, seen);
                }
            }
            case Condition.Not not -> collect(not.condition(), path + ".condition", paths, seen);
            case Condition.InSegment in -> {
                if (seen.add(in.key())) {
                    paths.add(path);
                }
            }
            default -> { }
        }
    }
}
