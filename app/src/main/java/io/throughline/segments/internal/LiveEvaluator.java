package io.throughline.segments.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import io.throughline.events.EventNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a condition tree for one profile in Java, as the live path does after each event and each expiry
 * timer. Besides the answer it gives the explanation (each condition with the value that decided it) and the
 * next moment at which the answer could change with no new event: the earliest time an event enters or
 * leaves a window, a birthday, a new month. Days are UTC days. Time is taken to the microsecond, as the
 * database keeps it, so that both evaluators compare the same instants.
 */
final class LiveEvaluator {

    /** The answer, why, and when to look again (null when only a new event can change it). */
    record Outcome(boolean member, Explanation explanation, @Nullable Instant nextChange) {}

    /** One condition of the tree: how it reads, whether it held, and the value that decided it. */
    record Explanation(String condition, boolean holds, String value, List<Explanation> children) {
        Explanation {
            children = List.copyOf(children);
        }
    }

    private final Facts facts;
    private final Instant now;
    private final LocalDate today;
    private final Predicate<String> memberOf;
    private @Nullable Instant nextChange;

    private LiveEvaluator(Facts facts, Instant now, Predicate<String> memberOf) {
        this.facts = facts;
        this.now = now.truncatedTo(ChronoUnit.MICROS);
        this.today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
        this.memberOf = memberOf;
    }

    /**
     * @param memberOf whether she is, at this moment, a member of the segment with that key (the segments a
     *                 definition refers to are evaluated before it)
     */
    static Outcome evaluate(Condition condition, Facts facts, Instant now, Predicate<String> memberOf) {
        LiveEvaluator evaluator = new LiveEvaluator(facts, now, memberOf);
        Explanation explanation = evaluator.explain(condition);
        return new Outcome(explanation.holds(), explanation, evaluator.nextChange);
    }

    private Explanation explain(Condition condition) {
        return switch (condition) {
            case Condition.All all -> {
                List<Explanation> children = all.conditions().stream().map(this::explain).toList();
                long held = children.stream().filter(Explanation::holds).count();
                yield new Explanation("all of", held == children.size(), held + " of " + children.size() + " hold",
                        children);
            }
            case Condition.Any any -> {
                List<Explanation> children = any.conditions().stream().map(this::explain).toList();
                long held = children.stream().filter(Explanation::holds).count();
                yield new Explanation("any of", held > 0, held + " of " + children.size() + " hold", children);
            }
            case Condition.Not not -> {
                Explanation inner = explain(not.condition());
                yield new Explanation("not", !inner.holds(), inner.holds() ? "it holds" : "it does not hold",
                        List.of(inner));
            }
            case Condition.Trait trait -> {
                JsonNode value = facts.traits().path(trait.filter().property());
                yield leaf("trait " + trait.filter().describe(), trait.filter().test(facts.traits()),
                        value.isMissingNode() || value.isNull() ? "no such trait" : value.toString());
            }
            case Condition.Age age -> age(age);
            case Condition.BirthdayThisMonth birthday -> {
                LocalDate birth = facts.birthDate();
                if (birth != null) {
                    soon(today.with(TemporalAdjusters.firstDayOfNextMonth()));
                }
                yield leaf("birthday this month", birth != null && birth.getMonth() == today.getMonth(),
                        birth == null ? "no birthday" : "born in " + birth.getMonth().name().toLowerCase());
            }
            case Condition.Events events -> events(events);
            case Condition.Place place -> {
                String actual = switch (place.field()) {
                    case COUNTRY -> facts.country();
                    case CITY -> facts.city();
                    case POSTCODE -> facts.postcode();
                };
                boolean holds = actual != null && (place.field() == Condition.PlaceField.POSTCODE
                        ? place.values().stream().anyMatch(actual::startsWith) : place.values().contains(actual));
                yield leaf(place.field().key() + (place.field() == Condition.PlaceField.POSTCODE ? " starts with "
                        : " is ") + String.join(" or ", place.values()), holds, actual == null ? "unknown" : actual);
            }
            case Condition.NearShop near -> {
                Double latitude = facts.latitude();
                Double longitude = facts.longitude();
                if (latitude == null || longitude == null) {
                    yield leaf("within " + near.km() + " km of " + near.shop(), false, "no coordinates");
                }
                double km = Geo.km(latitude, longitude, near.latitude(), near.longitude());
                yield leaf("within " + near.km() + " km of " + near.shop(), km <= near.km(),
                        String.format(java.util.Locale.ROOT, "%.1f km", km));
            }
            case Condition.Consented consent -> leaf("consented to " + consent.purpose() + " by " + consent.channel(),
                    facts.consents().contains(consent.key()), facts.consents().contains(consent.key()) ? "granted"
                            : "not granted");
            case Condition.InSegment in -> {
                boolean member = memberOf.test(in.key());
                yield leaf("member of " + in.key(), member, member ? "member" : "not a member");
            }
            case Condition.Rfm rfm -> rfm(rfm);
            case Condition.Affinity affinity -> affinity(affinity);
            case Condition.PromotionShare share -> promotionShare(share);
            case Condition.OpenCase open -> openCase();
        };
    }

    private Explanation rfm(Condition.Rfm rfm) {
        boolean holds = explain(rfm.expanded()).holds();
        int score = 0;
        while (score < RfmScores.MAX && explain(RfmScores.atLeast(rfm, score + 1)).holds()) {
            score++;
        }
        return leaf(rfm.score().key() + " score " + rfm.comparison().symbol + " " + rfm.value(), holds,
                rfm.score().key() + " score " + score);
    }

    private Explanation affinity(Condition.Affinity affinity) {
        Map<String, Long> counts = new HashMap<>();
        for (Facts.Behaviour event : inWindow(affinity.events(), affinity.window())) {
            JsonNode value = event.properties().path(affinity.property());
            if (value.isString()) {
                counts.merge(value.asString(), 1L, Long::sum);
            }
        }
        long mine = counts.getOrDefault(affinity.value(), 0L);
        long ahead = counts.values().stream().filter(count -> count > mine).count();
        String reads = switch (affinity.kind()) {
            case TOP_CATEGORY -> "\"" + affinity.value() + "\" among her top " + affinity.top() + " categories";
            case PREFERRED_CHANNEL -> "prefers " + affinity.value();
        };
        return leaf(reads + " within " + Matching.window(affinity.window()), mine > 0 && ahead < affinity.top(),
                mine == 0 ? "none in " + Matching.window(affinity.window())
                        : mine + " events, rank " + (ahead + 1) + " of " + counts.size());
    }

    private Explanation promotionShare(Condition.PromotionShare share) {
        long orders = 0;
        long onPromotion = 0;
        for (Facts.Behaviour order : inWindow(List.of(EventNames.ORDER_COMPLETED), share.window())) {
            orders++;
            if (onPromotion(order.properties())) {
                onPromotion++;
            }
        }
        // Compared as "promoted ⋚ share × orders", so that no division rounds differently here and in SQL.
        boolean holds = orders > 0 && share.comparison().holds(BigDecimal.valueOf(onPromotion)
                .compareTo(share.share().multiply(BigDecimal.valueOf(orders))));
        return leaf("share of orders on promotion " + share.comparison().symbol + " "
                + share.share().stripTrailingZeros().toPlainString() + " within " + Matching.window(share.window()),
                holds, orders == 0 ? "no orders" : onPromotion + " of " + orders + " orders");
    }

    static boolean onPromotion(JsonNode order) {
        JsonNode discount = order.path("discount");
        JsonNode coupon = order.path("coupon");
        return discount.isNumber() && discount.decimalValue().signum() > 0
                || coupon.isString() && !coupon.asString().isEmpty();
    }

    private Explanation openCase() {
        Set<String> resolved = new HashSet<>();
        for (Facts.Behaviour event : facts.behaviour()) {
            if (event.name().equals(EventNames.CONVERSATION_RESOLVED)) {
                if (event.occurredAt().isAfter(now)) {
                    soon(event.occurredAt());
                } else if (event.properties().path("conversation_id").isString()) {
                    resolved.add(event.properties().path("conversation_id").asString());
                }
            }
        }
        long open = 0;
        for (Facts.Behaviour event : facts.behaviour()) {
            if (event.name().equals(EventNames.CONVERSATION_STARTED)) {
                JsonNode id = event.properties().path("conversation_id");
                if (event.occurredAt().isAfter(now)) {
                    soon(event.occurredAt());
                } else if (id.isString() && !resolved.contains(id.asString())) {
                    open++;
                }
            }
        }
        return leaf("has an open service case", open > 0, open + " open");
    }

    /** Her events of those names in the window before now, noting when each enters or leaves it. */
    private List<Facts.Behaviour> inWindow(List<String> names, java.time.Duration window) {
        Instant from = now.minus(window);
        List<Facts.Behaviour> found = new ArrayList<>();
        for (Facts.Behaviour event : facts.behaviour()) {
            if (!names.contains(event.name())) {
                continue;
            }
            if (event.occurredAt().isAfter(now)) {
                soon(event.occurredAt());
            } else if (event.occurredAt().isAfter(from)) {
                soon(event.occurredAt().plus(window));
                found.add(event);
            }
        }
        return found;
    }

    private Explanation age(Condition.Age age) {
        LocalDate birth = facts.birthDate();
        String reads = "age" + (age.min() != null ? " ≥ " + age.min() : "") + (age.max() != null ? " ≤ " + age.max() : "");
        if (birth == null) {
            return leaf(reads, false, "no birthday");
        }
        boolean holds = (age.min() == null || !birth.isAfter(today.minusYears(age.min())))
                && (age.max() == null || birth.isAfter(today.minusYears(age.max() + 1L)));
        if (birth.isAfter(today)) {
            soon(birth);
        } else {
            // The anniversary, and the day after for those born on 29 February.
            LocalDate anniversary = birth.plusYears(Period.between(birth, today).getYears() + 1L);
            soon(anniversary);
            soon(anniversary.plusDays(1));
        }
        return leaf(reads, holds, birth.isAfter(today) ? "not born yet" : "age " + Period.between(birth, today).getYears());
    }

    private Explanation events(Condition.Events events) {
        Instant from = now.minus(events.window());
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Facts.Behaviour event : facts.behaviour()) {
            if (!Matching.matches(events, event)) {
                continue;
            }
            if (event.occurredAt().isAfter(now)) {
                soon(event.occurredAt());
                continue;
            }
            if (!event.occurredAt().isAfter(from)) {
                continue;
            }
            soon(event.occurredAt().plus(events.window()));
            count++;
            if (events.measure() instanceof Condition.Measure.Sum summed) {
                JsonNode value = event.properties().path(summed.property());
                if (value.isNumber()) {
                    sum = sum.add(value.decimalValue());
                }
            }
        }
        BigDecimal measured = events.measure() instanceof Condition.Measure.Sum ? sum : BigDecimal.valueOf(count);
        boolean holds = events.comparison().holds(measured.compareTo(events.value()));
        return leaf(Matching.describe(events), holds, (events.measure() instanceof Condition.Measure.Sum summed
                ? "sum of " + summed.property() + " " + measured.stripTrailingZeros().toPlainString()
                : count + " events") + " in " + Matching.window(events.window()));
    }

    private void soon(LocalDate day) {
        soon(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private void soon(Instant at) {
        if (at.isAfter(now) && (nextChange == null || at.isBefore(nextChange))) {
            nextChange = at;
        }
    }

    private static Explanation leaf(String condition, boolean holds, String value) {
        return new Explanation(condition, holds, value, List.of());
    }

    /** Which events a behavioural condition looks at, and how it reads. */
    static final class Matching {

        static boolean matches(Condition.Events events, Facts.Behaviour event) {
            if (events.event() != null && !events.event().equals(event.name())) {
                return false;
            }
            if (events.channel() != null && !events.channel().equals(event.channel())) {
                return false;
            }
            for (Filter filter : events.where()) {
                if (!filter.test(event.properties())) {
                    return false;
                }
            }
            return true;
        }

        static String describe(Condition.Events events) {
            List<String> parts = new ArrayList<>();
            parts.add(events.event() == null ? "any event" : "\"" + events.event() + "\"");
            if (events.channel() != null) {
                parts.add("on " + events.channel());
            }
            if (!events.where().isEmpty()) {
                parts.add("where " + String.join(" and ", events.where().stream().map(Filter::describe).toList()));
            }
            parts.add("within " + window(events.window()));
            String measure = events.measure() instanceof Condition.Measure.Sum sum ? "sum of " + sum.property() : "count";
            parts.add(measure + " " + events.comparison().symbol + " " + events.value().stripTrailingZeros().toPlainString());
            return String.join(" ", parts);
        }

        static String window(java.time.Duration window) {
            if (window.toDaysPart() > 0 && window.toHoursPart() == 0 && window.toMinutesPart() == 0) {
                return window.toDays() + "d";
            }
            if (window.toMinutesPart() == 0) {
                return window.toHours() + "h";
            }
            return window.toMinutes() + "m";
        }
    }
}
