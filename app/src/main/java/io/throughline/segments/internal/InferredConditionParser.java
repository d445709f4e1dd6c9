package io.throughline.segments.internal;

import static io.throughline.platform.JsonFields.problem;
import static io.throughline.platform.JsonFields.required;
import static io.throughline.platform.JsonFields.text;
import static io.throughline.segments.internal.ConditionFields.comparison;
import static io.throughline.segments.internal.ConditionFields.number;
import static io.throughline.segments.internal.ConditionFields.object;
import static io.throughline.segments.internal.ConditionFields.window;

import io.throughline.events.EventNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the conditions inferred from her behaviour rather than stated: recency, frequency and monetary scores,
 * top categories, the preferred channel, the share of orders on promotion, and an open service case. Refusals
 * name the JSON path, as {@link DefinitionParser}'s do.
 */
final class InferredConditionParser {

    static final Set<String> MESSAGE_CHANNELS = Set.of("email", "sms", "push", "in_app", "task");
    private static final int MOST_TOP = 10;

    private InferredConditionParser() {}

    /** {@code {"type": "rfm", "score": "recency", "op": "gte", "value": 4}}, with bands and currency for money. */
    static Condition rfm(JsonNode json, String path) {
        object(json, path, Set.of("type", "score", "op", "value", "bands", "currency"));
        Condition.RfmScore score;
        try {
            score = Condition.RfmScore.valueOf(text(json, path, "score").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw problem(path + ".score", "must be recency, frequency or monetary");
        }
        Condition.Comparison comparison = comparison(json, path);
        JsonNode value = required(json, path, "value");
        if (!value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > RfmScores.MAX) {
            throw problem(path + ".value", "must be a score from 0 to 5");
        }
        if (!RfmScores.decides(comparison, value.asInt())) {
            throw problem(path + ".value", "makes a condition every score meets, or none");
        }
        String currency = null;
        if (score == Condition.RfmScore.MONETARY) {
            currency = text(json, path, "currency");
            if (!currency.matches("[A-Z]{3}")) {
                throw problem(path + ".currency", "must be an ISO 4217 code such as HUF");
            }
        } else if (json.has("currency")) {
            throw problem(path + ".currency", "is only for the monetary score");
        }
        List<BigDecimal> bands = switch (score) {
            case RECENCY -> json.has("bands") ? bands(json, path, true) : RfmScores.RECENCY_DAYS;
            case FREQUENCY -> json.has("bands") ? bands(json, path, true) : RfmScores.FREQUENCY_ORDERS;
            case MONETARY -> bands(json, path, false);
        };
        if (score == Condition.RfmScore.RECENCY && bands.getLast().compareTo(BigDecimal.valueOf(365)) > 0) {
            throw problem(path + ".bands[3]", "must be at most 365 days");
        }
        if (score == Condition.RfmScore.FREQUENCY && bands.getFirst().compareTo(BigDecimal.TWO) < 0) {
            throw problem(path + ".bands[0]", "must be at least 2 orders: one order is score 1");
        }
        return new Condition.Rfm(score, bands, currency, comparison, value.asInt());
    }

    /** {@code {"type": "top_category", "category": "Wines/Tokaji/Aszú", "top": 3, "within": "90d"}}: from views. */
    static Condition topCategory(JsonNode json, String path) {
        object(json, path, Set.of("type", "category", "top", "within"));
        String category = text(json, path, "category");
        if (category.isBlank() || category.length() > 200) {
            throw problem(path + ".category", "must be a category of 1 to 200 characters");
        }
        int top = 3;
        if (json.has("top")) {
            JsonNode given = json.get("top");
            if (!given.isIntegralNumber() || given.asInt() < 1 || given.asInt() > MOST_TOP) {
                throw problem(path + ".top", "must be a whole number from 1 to " + MOST_TOP);
            }
            top = given.asInt();
        }
        return new Condition.Affinity(Condition.AffinityKind.TOP_CATEGORY, List.of(EventNames.PRODUCT_VIEWED),
                "category", category, top, window(json, path));
    }

    /** {@code {"type": "preferred_channel", "channel": "email", "within": "90d"}}: the one she opens most. */
    static Condition preferredChannel(JsonNode json, String path) {
        object(json, path, Set.of("type", "channel", "within"));
        String channel = text(json, path, "channel");
        if (!MESSAGE_CHANNELS.contains(channel)) {
            throw problem(path + ".channel", "must be one of " + String.join(", ",
                    new java.util.TreeSet<>(MESSAGE_CHANNELS)));
        }
        return new Condition.Affinity(Condition.AffinityKind.PREFERRED_CHANNEL,
                List.of(EventNames.MESSAGE_OPENED, EventNames.MESSAGE_CLICKED), "channel", channel, 1,
                window(json, path));
    }

    /** {@code {"type": "promotion_share", "within": "365d", "op": "gte", "value": 0.5}}. */
    static Condition promotionShare(JsonNode json, String path) {
        object(json, path, Set.of("type", "within", "op", "value"));
        BigDecimal share = number(json, path, "value");
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw problem(path + ".value", "must be a share from 0 to 1");
        }
        return new Condition.PromotionShare(window(json, path), comparison(json, path), share);
    }

    static Condition openCase(JsonNode json, String path) {
        object(json, path, Set.of("type"));
        return new Condition.OpenCase();
    }

    private static List<BigDecimal> bands(JsonNode json, String path, boolean whole) {
        JsonNode bands = required(json, path, "bands");
        if (!bands.isArray() || bands.size() != 4) {
            throw problem(path + ".bands", "must be four ascending thresholds, for scores 2 to 5");
        }
        List<BigDecimal> parsed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String at = path + ".bands[" + i + "]";
            JsonNode band = bands.get(i);
            if (!band.isNumber() || band.decimalValue().signum() <= 0
                    || band.decimalValue().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0
                    || whole && !band.isIntegralNumber()) {
                throw problem(at, whole ? "must be a whole number above 0" : "must be a number above 0");
            }
            if (!parsed.isEmpty() && band.decimalValue().compareTo(parsed.getLast()) <= 0) {
                throw problem(at, "must be above the band before it");
            }
            parsed.add(band.decimalValue());
        }
        return List.copyOf(parsed);
    }
}
