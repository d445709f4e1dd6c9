package io.throughline.segments.internal;

import io.throughline.events.EventNames;
import io.throughline.platform.Rows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a condition tree into one SQL condition over a profile's facts ({@code segments.profile_fact f}),
 * meaning exactly what {@link LiveEvaluator} does in Java, so a batch evaluates every profile in the
 * database. Every value goes in as a parameter; the tree's text never becomes SQL. Every leaf answers true
 * or false, never null, so that {@code NOT} means "not".
 */
final class SqlEvaluator {

    /** A condition with its parameters, in order. */
    record Sql(String text, List<Object> params) {}

    private final Instant now;
    private final LocalDate today;
    private final List<Object> params = new ArrayList<>();

    private SqlEvaluator(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.MICROS);
        this.today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
    }

    /** Whether the profile {@code f} meets the condition at {@code now}. */
    static Sql condition(Condition condition, Instant now) {
        SqlEvaluator sql = new SqlEvaluator(now);
        String text = sql.compile(condition);
        return new Sql(text, List.copyOf(sql.params));
    }

    /**
     * No later than the next moment at which the condition could change for {@code f} without a new event, or
     * null when nothing but events can change it. The live path works out the exact moment when it is reached.
     */
    static Sql nextChange(Condition condition, Instant now) {
        SqlEvaluator sql = new SqlEvaluator(now);
        List<String> moments = new ArrayList<>();
        Definition.walk(condition, node -> {
            switch (node) {
                case Condition.Events events -> moments.add(sql.nextEventChange(events));
                case Condition.Age age -> {
                    sql.params.add(sql.today.toString());
                    moments.add("(CASE WHEN f.birth_date IS NOT NULL THEN (f.birth_date + make_interval(years =>"
                            + " greatest(extract(year FROM age(?::date, f.birth_date))::int + 1, 0)))::timestamp"
                            + " AT TIME ZONE 'UTC' END)");
                }
                case Condition.BirthdayThisMonth birthday -> {
                    sql.params.add(sql.today.toString());
                    moments.add("(CASE WHEN f.birth_date IS NOT NULL THEN (date_trunc('month', ?::date)"
                            + " + interval '1 month')::timestamp AT TIME ZONE 'UTC' END)");
                }
                case Condition.Affinity affinity -> affinity.events().forEach(name ->
                        moments.add(sql.nextEventChange(anyOf(name, affinity.window()))));
                case Condition.PromotionShare share -> moments.add(sql.nextEventChange(
                        anyOf(EventNames.ORDER_COMPLETED, share.window())));
                case Condition.OpenCase open -> {
                    sql.params.add(EventNames.CONVERSATION_STARTED);
                    sql.params.add(EventNames.CONVERSATION_RESOLVED);
                    sql.params.add(Rows.timestamp(sql.now));
                    moments.add("(SELECT min(b.occurred_at) FROM segments.behaviour b WHERE b.profile_id = f.profile_id"
                            + " AND b.name IN (?, ?) AND b.occurred_at > ?)");
                }
                default -> { }
            }
        });
        return new Sql(moments.isEmpty() ? "NULL::timestamptz" : "LEAST(" + String.join(", ", moments) + ")",
                List.copyOf(sql.params));
    }

    private String compile(Condition condition) {
        return switch (condition) {
            case Condition.All all -> "(" + String.join(" AND ", all.conditions().stream().map(this::compile).toList())
                    + ")";
            case Condition.Any any -> "(" + String.join(" OR ", any.conditions().stream().map(this::compile).toList())
                    + ")";
            case Condition.Not not -> "(NOT " + compile(not.condition()) + ")";
            case Condition.Trait trait -> filter(trait.filter(), "f.traits");
            case Condition.Age age -> {
                StringBuilder text = new StringBuilder("(f.birth_date IS NOT NULL");
                if (age.min() != null) {
                    text.append(" AND f.birth_date <= (?::date - make_interval(years => ?))");
                    params.add(today.toString());
                    params.add(age.min());
                }
                if (age.max() != null) {
                    text.append(" AND f.birth_date > (?::date - make_interval(years => ?))");
                    params.add(today.toString());
                    params.add(age.max() + 1);
                }
                yield text.append(")").toString();
            }
            case Condition.BirthdayThisMonth birthday -> {
                params.add(today.getMonthValue());
                yield "coalesce(extract(month FROM f.birth_date) = ?, false)";
            }
            case Condition.Events events -> events(events);
            case Condition.Place place -> {
                params.add(place.values().toArray(String[]::new));
                yield switch (place.field()) {
                    case COUNTRY -> "coalesce(f.country = ANY(?::text[]), false)";
                    case CITY -> "coalesce(f.city = ANY(?::text[]), false)";
                    case POSTCODE -> "EXISTS (SELECT 1 FROM unnest(?::text[]) prefix WHERE starts_with(f.postcode, prefix))";
                };
            }
            case Condition.NearShop near -> {
                params.add(near.latitude());
                params.add(near.latitude());
                params.add(near.longitude());
                params.add(near.km());
                // The haversine formula of Geo.km, term for term.
                yield "(f.latitude IS NOT NULL AND f.longitude IS NOT NULL AND 2 * " + Geo.EARTH_RADIUS_KM
                        + " * asin(sqrt(least(1.0, power(sin(radians(?::float8 - f.latitude) / 2), 2)"
                        + " + cos(radians(f.latitude)) * cos(radians(?::float8))"
                        + " * power(sin(radians(?::float8 - f.longitude) / 2), 2)))) <= ?::float8)";
            }
            case Condition.Consented consent -> {
                params.add(consent.key());
                yield "(?::text = ANY(f.consents))";
            }
            case Condition.InSegment in -> {
                params.add(in.key());
                yield "EXISTS (SELECT 1 FROM segments.membership m JOIN segments.segment s ON s.id = m.segment_id"
                        + " WHERE s.key = ? AND m.profile_id = f.profile_id)";
            }
            case Condition.Rfm rfm -> compile(rfm.expanded());
            case Condition.Affinity affinity -> affinity(affinity);
            case Condition.PromotionShare share -> promotionShare(share);
            case Condition.OpenCase open -> {
                params.add(EventNames.CONVERSATION_STARTED);
                params.add(Rows.timestamp(now));
                params.add(EventNames.CONVERSATION_RESOLVED);
                params.add(Rows.timestamp(now));
                yield "EXISTS (SELECT 1 FROM segments.behaviour s WHERE s.profile_id = f.profile_id AND s.name = ?"
                        + " AND s.occurred_at <= ? AND jsonb_typeof(s.properties -> 'conversation_id') = 'string'"
                        + " AND NOT EXISTS (SELECT 1 FROM segments.behaviour r WHERE r.profile_id = f.profile_id"
                        + " AND r.name = ? AND r.occurred_at <= ?"
                        + " AND r.properties -> 'conversation_id' = s.properties -> 'conversation_id'))";
            }
        };
    }

    /** {@link LiveEvaluator}'s affinity: her count of the value, and fewer than {@code top} values counted more. */
    private String affinity(Condition.Affinity affinity) {
        params.add(affinity.property());
        params.add(affinity.property());
        params.add(affinity.events().toArray(String[]::new));
        params.add(Rows.timestamp(now.minus(affinity.window())));
        params.add(Rows.timestamp(now));
        params.add(affinity.top());
        params.add(affinity.value());
        return "coalesce((WITH counted AS (SELECT b.properties ->> ? AS value, count(*) AS n FROM segments.behaviour b"
                + " WHERE b.profile_id = f.profile_id AND jsonb_typeof(b.properties -> ?) = 'string'"
                + " AND b.name = ANY(?::text[]) AND b.occurred_at > ? AND b.occurred_at <= ? GROUP BY 1)"
                + " SELECT (SELECT count(*) FROM counted ahead WHERE ahead.n > mine.n) < ?"
                + " FROM counted mine WHERE mine.value = ?), false)";
    }

    /** {@link LiveEvaluator}'s price sensitivity: "promoted ⋚ share × orders", false without orders. */
    private String promotionShare(Condition.PromotionShare share) {
        params.add(share.share());
        params.add(EventNames.ORDER_COMPLETED);
        params.add(Rows.timestamp(now.minus(share.window())));
        params.add(Rows.timestamp(now));
        return "(SELECT CASE WHEN count(*) > 0 THEN (count(*) FILTER (WHERE"
                + " coalesce(CASE WHEN jsonb_typeof(b.properties -> 'discount') = 'number'"
                + " THEN (b.properties ->> 'discount')::numeric > 0 END, false)"
                + " OR coalesce(jsonb_typeof(b.properties -> 'coupon') = 'string' AND b.properties ->> 'coupon' <> '',"
                + " false)))::numeric " + share.comparison().sql() + " ?::numeric * count(*) ELSE false END"
                + " FROM segments.behaviour b WHERE b.profile_id = f.profile_id AND b.name = ?"
                + " AND b.occurred_at > ? AND b.occurred_at <= ?)";
    }

    private static Condition.Events anyOf(String name, java.time.Duration window) {
        return new Condition.Events(name, null, List.of(), window, new Condition.Measure.Count(),
                Condition.Comparison.GTE, java.math.BigDecimal.ONE);
    }

    private String events(Condition.Events events) {
        StringBuilder text = new StringBuilder("((SELECT ");
        if (events.measure() instanceof Condition.Measure.Sum sum) {
            text.append("coalesce(sum(CASE WHEN jsonb_typeof(b.properties -> ?) = 'number'"
                    + " THEN (b.properties ->> ?)::numeric END), 0)");
            params.add(sum.property());
            params.add(sum.property());
        } else {
            text.append("count(*)");
        }
        text.append(" FROM segments.behaviour b WHERE b.profile_id = f.profile_id");
        matching(events, text);
        text.append(" AND b.occurred_at > ? AND b.occurred_at <= ?) ").append(events.comparison().sql())
                .append(" ?::numeric)");
        params.add(Rows.timestamp(now.minus(events.window())));
        params.add(Rows.timestamp(now));
        params.add(events.value());
        return text.toString();
    }

    private String nextEventChange(Condition.Events events) {
        StringBuilder text = new StringBuilder("(SELECT min(CASE WHEN b.occurred_at > ? THEN b.occurred_at"
                + " ELSE b.occurred_at + ?::interval END) FROM segments.behaviour b WHERE b.profile_id = f.profile_id");
        params.add(Rows.timestamp(now));
        params.add(events.window().toString());
        matching(events, text);
        text.append(" AND b.occurred_at > ?)");
        params.add(Rows.timestamp(now.minus(events.window())));
        return text.toString();
    }

    private void matching(Condition.Events events, StringBuilder text) {
        if (events.event() != null) {
            text.append(" AND b.name = ?");
            params.add(events.event());
        }
        if (events.channel() != null) {
            text.append(" AND b.channel = ?");
            params.add(events.channel());
        }
        for (Filter filter : events.where()) {
            text.append(" AND ").append(filter(filter, "b.properties"));
        }
    }

    /** {@link Filter#test} in SQL over a JSON object column. */
    private String filter(Filter filter, String json) {
        String key = filter.property();
        String value = json + " -> ?";
        return switch (filter.op()) {
            case EXISTS -> {
                params.add(key);
                yield "coalesce(jsonb_typeof(" + value + ") <> 'null', false)";
            }
            case EQ -> equal(filter, value, key);
            case NE -> "(NOT " + equal(filter, value, key) + ")";
            case GT, GTE, LT, LTE -> {
                params.add(key);
                params.add(key);
                params.add(((Filter.Value.Number) filter.value()).number());
                String op = switch (filter.op()) {
                    case GT -> ">";
                    case GTE -> ">=";
                    case LT -> "<";
                    default -> "<=";
                };
                yield "(CASE WHEN jsonb_typeof(" + value + ") = 'number' THEN (" + json + " ->> ?)::numeric " + op
                        + " ?::numeric ELSE false END)";
            }
            case CONTAINS -> {
                String text = ((Filter.Value.Text) filter.value()).text();
                params.add(key);
                params.add(key);
                params.add(text);
                params.add(key);
                params.add(text);
                yield "(CASE jsonb_typeof(" + value + ") WHEN 'string' THEN strpos(" + json + " ->> ?, ?) > 0"
                        + " WHEN 'array' THEN " + json + " -> ? @> to_jsonb(?::text) ELSE false END)";
            }
        };
    }

    private String equal(Filter filter, String value, String key) {
        return switch (filter.value()) {
            case Filter.Value.Text text -> {
                params.add(key);
                params.add(text.text());
                yield "coalesce(" + value + " = to_jsonb(?::text), false)";
            }
            case Filter.Value.Number number -> {
                params.add(key);
                params.add(key);
                params.add(number.number());
                yield "(CASE WHEN jsonb_typeof(" + value + ") = 'number' THEN (" + value.replace(" -> ?", " ->> ?")
                        + ")::numeric = ?::numeric ELSE false END)";
            }
            case Filter.Value.Bool bool -> {
                params.add(key);
                params.add(bool.bool());
                yield "coalesce(" + value + " = to_jsonb(?::boolean), false)";
            }
            case Filter.Value.None none -> "false";
        };
    }
}
