package io.throughline.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.platform.Rows;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live evaluator (Java, one profile) and the batch evaluator (SQL, every profile) give the same members for
 * any definition over any histories at any moment, also exactly at the edges of windows; and the live
 * evaluator's next moment of change is honest: nothing changes before it.
 */
class LiveAndBatchEvaluatorsAgreeTests {

    static final Instant BASE = Instant.parse("2026-06-15T12:00:00.123456Z");
    static final List<String> EVENTS = List.of("Product Viewed", "Order Completed", "page", "Message Opened",
            "Message Clicked", "Conversation Started", "Conversation Resolved");
    static final List<String> CHANNELS = List.of("web", "app", "shop-debrecen");
    static final UUID OTHER = UUID.fromString("00000000-0000-7000-8000-000000000001");

    static EmbeddedPostgres postgres;
    static JdbcClient jdbc;
    static FactStore facts;

    @BeforeContainer
    static void database() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of(
                    "src/main/resources/db/migration/segments/V2026_12_07_2140__segments_schema.sql")));
        }
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        facts = new FactStore(jdbc, new SegmentJson());
    }

    @AfterContainer
    static void stop() throws IOException {
        postgres.close();
    }

    /** One profile's generated facts; members of the segment "other" when {@code inOther}. */
    record Profile(UUID id, String traits, List<String> consents, @Nullable LocalDate birthDate,
            @Nullable String country, @Nullable String city, @Nullable String postcode, @Nullable Double latitude,
            @Nullable Double longitude, boolean inOther, List<Event> events) {}

    record Event(String name, String channel, Instant occurredAt, String properties) {}

    @Property(tries = 120)
    void bothEvaluatorsGiveTheSameMembersAtEveryMoment(@ForAll("conditions") Condition condition,
            @ForAll("histories") List<Profile> profiles, @ForAll("offsets") List<Long> offsets) {
        store(profiles);
        java.util.Map<UUID, Facts> known = new java.util.HashMap<>();
        profiles.forEach(profile -> known.put(profile.id(), facts.load(profile.id())));
        for (Instant moment : moments(condition, profiles, offsets)) {
            SqlEvaluator.Sql sql = SqlEvaluator.condition(condition, moment);
            Set<UUID> batch = new TreeSet<>(jdbc.sql("SELECT f.profile_id FROM segments.profile_fact f WHERE "
                    + sql.text()).params(sql.params()).query(UUID.class).list());
            Set<UUID> live = new TreeSet<>();
            for (Profile profile : profiles) {
                LiveEvaluator.Outcome outcome = LiveEvaluator.evaluate(condition, known.get(profile.id()), moment,
                        key -> key.equals("other") && profile.inOther());
                if (outcome.member()) {
                    live.add(profile.id());
                }
            }
            assertThat(live).as("members at %s of %s", moment, condition).isEqualTo(batch);
        }
    }

    @Property(tries = 80)
    void membershipDoesNotChangeBeforeTheNextChangeTheLiveEvaluatorNames(@ForAll("conditions") Condition condition,
            @ForAll("histories") List<Profile> profiles, @ForAll("offsets") List<Long> offsets) {
        store(profiles);
        for (Profile profile : profiles) {
            Facts known = facts.load(profile.id());
            LiveEvaluator.Outcome now = LiveEvaluator.evaluate(condition, known, BASE, key -> profile.inOther());
            Instant until = now.nextChange() != null ? now.nextChange() : BASE.plus(Duration.ofDays(800));
            for (long offset : offsets) {
                Instant later = BASE.plus(Duration.ofSeconds(Math.floorMod(offset, Math.max(1,
                        Duration.between(BASE, until).toSeconds()))));
                if (later.isBefore(until)) {
                    assertThat(LiveEvaluator.evaluate(condition, known, later, key -> profile.inOther()).member())
                            .as("member at %s, next change named %s", later, now.nextChange()).isEqualTo(now.member());
                }
            }
        }
    }

    /** Random moments around the base, and the very edges where an event enters or leaves a window. */
    private static List<Instant> moments(Condition condition, List<Profile> profiles, List<Long> offsets) {
        List<Instant> moments = new ArrayList<>();
        offsets.forEach(offset -> moments.add(BASE.plusSeconds(offset)));
        List<Duration> windows = new ArrayList<>();
        Definition.walk(condition, node -> {
            switch (node) {
                case Condition.Events events -> windows.add(events.window());
                case Condition.Affinity affinity -> windows.add(affinity.window());
                case Condition.PromotionShare share -> windows.add(share.window());
                default -> { }
            }
        });
        for (Profile profile : profiles) {
            for (Event event : profile.events().subList(0, Math.min(2, profile.events().size()))) {
                moments.add(event.occurredAt());
                for (Duration window : windows.subList(0, Math.min(2, windows.size()))) {
                    moments.add(event.occurredAt().plus(window));
                    moments.add(event.occurredAt().plus(window).minus(1, ChronoUnit.MICROS));
                }
            }
        }
        return moments;
    }

    private static void store(List<Profile> profiles) {
        jdbc.sql("DELETE FROM segments.behaviour; DELETE FROM segments.profile_fact; DELETE FROM segments.membership;"
                + " DELETE FROM segments.segment").update();
        jdbc.sql("""
                INSERT INTO segments.segment (id, key, name, definition, version, created_at, updated_at)
                VALUES (?, 'other', 'Other', '{}', 1, now(), now())""").param(OTHER).update();
        long seq = 0;
        for (Profile profile : profiles) {
            jdbc.sql("""
                    INSERT INTO segments.profile_fact (profile_id, traits, consents, birth_date, country, city, postcode,
                        latitude, longitude, updated_at)
                    VALUES (?, ?::jsonb, ?, ?::date, ?, ?, ?, ?, ?, now())""")
                    .params(profile.id(), profile.traits(), profile.consents().toArray(String[]::new),
                            profile.birthDate() == null ? null : profile.birthDate().toString(), profile.country(),
                            profile.city(), profile.postcode(), profile.latitude(), profile.longitude())
                    .update();
            if (profile.inOther()) {
                jdbc.sql("INSERT INTO segments.membership VALUES (?, ?, now())").params(OTHER, profile.id()).update();
            }
            for (Event event : profile.events()) {
                jdbc.sql("INSERT INTO segments.behaviour VALUES (?, ?, ?, ?, ?, ?::jsonb)")
                        .params(++seq, profile.id(), event.name(), event.channel(), Rows.timestamp(event.occurredAt()),
                                event.properties())
                        .update();
            }
        }
    }

    @Provide
    Arbitrary<List<Long>> offsets() {
        return Arbitraries.longs().between(-40L * 86400, 400L * 86400).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Profile>> histories() {
        return profile().list().ofMinSize(1).ofMaxSize(4);
    }

    private Arbitrary<Profile> profile() {
        Arbitrary<String> traits = Combinators.combine(
                Arbitraries.of("\"female\"", "\"male\"", "3", "null", "\"\""),
                Arbitraries.of("\"hu\"", "\"en\"", "true"),
                Arbitraries.of("[\"wine\", \"hiking\"]", "[\"wine\"]", "[]", "\"wine lover\"", "42.50"))
                .as((gender, language, interests) -> "{\"gender\": " + gender + ", \"language\": " + language
                        + ", \"interests\": " + interests + "}");
        Arbitrary<@Nullable LocalDate> birth = Arbitraries.oneOf(
                Arbitraries.of(LocalDate.of(1996, 2, 29), LocalDate.of(2000, 6, 15), LocalDate.of(1990, 6, 16),
                        LocalDate.of(2008, 12, 31), LocalDate.of(1985, 1, 1)),
                Arbitraries.longs().between(0, 30_000).map(days -> LocalDate.of(1940, 1, 1).plusDays(days)))
                .injectNull(0.2);
        Arbitrary<double[]> place = Arbitraries.of(new double[] {47.5316, 21.6273}, new double[] {47.4979, 19.0402},
                new double[] {47.6, 21.5}, new double[] {48.1, 21.4});
        Arbitrary<List<Event>> events = event().list().ofMaxSize(8);
        return Combinators.combine(traits, Arbitraries.of("marketing:email", "marketing:sms").set().map(List::copyOf),
                birth, Arbitraries.of("HU", "SK").injectNull(0.2), Arbitraries.of("Debrecen", "Budapest").injectNull(0.2),
                Arbitraries.of("4032", "4025", "1051").injectNull(0.2), place.injectNull(0.2),
                Arbitraries.of(true, false)).flatAs((t, c, b, country, city, postcode, coordinates, inOther) ->
                events.map(list -> new Profile(UUID.randomUUID(), t, c, b, country, city, postcode,
                        coordinates == null ? null : coordinates[0], coordinates == null ? null : coordinates[1],
                        inOther, list)));
    }

    private Arbitrary<Event> event() {
        Arbitrary<String> name = Arbitraries.of("\"Tokaji Aszú 5\"", "\"Furmint\"", "3", "null");
        Arbitrary<String> total = Arbitraries.of("24900", "1.5", "0.1", "0.2", "-3", "\"100\"", "100.00");
        Arbitrary<String> currency = Arbitraries.of("\"HUF\"", "\"EUR\"");
        // What the inferred conditions read: a viewed product's category, an opened message's channel, an
        // order's discount and coupon, a service case's id; now and then of the wrong type.
        Arbitrary<String> inferred = Combinators.combine(
                Arbitraries.of("\"Wines/Tokaji/Aszú\"", "\"Wines/Furmint\"", "\"Glasses\"", "4"),
                Arbitraries.of("\"email\"", "\"sms\"", "\"push\"", "null"),
                Arbitraries.of("0", "500", "0.01", "-1", "\"10\""),
                Arbitraries.of("\"\"", "\"AUTUMN10\"", "null", "5"),
                Arbitraries.of("\"c1\"", "\"c2\"", "7"))
                .as((category, channel, discount, coupon, conversation) -> ", \"category\": " + category
                        + ", \"channel\": " + channel + ", \"discount\": " + discount + ", \"coupon\": " + coupon
                        + ", \"conversation_id\": " + conversation);
        Arbitrary<String> properties = Combinators.combine(name, total, currency, Arbitraries.of(true, false), inferred)
                .as((n, t, c, full, more) -> full ? "{\"name\": " + n + ", \"total\": " + t + ", \"currency\": " + c
                        + ", \"tags\": [\"aszu\", \"sweet\"]" + more + "}" : "{\"total\": " + t + "}");
        Arbitrary<Instant> at = Arbitraries.longs().between(-400L * 86400 * 1_000_000, 40L * 86400 * 1_000_000)
                .map(micros -> BASE.plus(micros, ChronoUnit.MICROS));
        return Combinators.combine(Arbitraries.of(EVENTS), Arbitraries.of(CHANNELS), at, properties).as(Event::new);
    }

    @Provide
    Arbitrary<Condition> conditions() {
        return condition(3);
    }

    private Arbitrary<Condition> condition(int depth) {
        Arbitrary<Condition> leaf = Arbitraries.oneOf(trait(), age(), Arbitraries.just(new Condition.BirthdayThisMonth()),
                events(), events(), place(), near(), consent(), Arbitraries.just(new Condition.InSegment("other")),
                rfm(), affinity(), promotionShare(), Arbitraries.just(new Condition.OpenCase()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Condition> child = Arbitraries.lazy(() -> condition(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, child.list().ofMinSize(1).ofMaxSize(3).map(Condition.All::new)),
                net.jqwik.api.Tuple.of(1, child.list().ofMinSize(1).ofMaxSize(3).map(Condition.Any::new)),
                net.jqwik.api.Tuple.of(1, child.map(Condition.Not::new)));
    }

    private Arbitrary<Condition> trait() {
        return filter(Arbitraries.of("gender", "language", "interests", "missing")).map(Condition.Trait::new);
    }

    private Arbitrary<Filter> filter(Arbitrary<String> properties) {
        Arbitrary<Filter.Value> values = Arbitraries.oneOf(
                Arbitraries.of("female", "hu", "wine", "Aszú", "Tokaji Aszú 5", "HUF", "100", "")
                        .map(Filter.Value.Text::new),
                Arbitraries.of("3", "24900", "1.5", "0.3", "-3", "100", "42.5").map(BigDecimal::new)
                        .map(Filter.Value.Number::new),
                Arbitraries.of(true, false).map(Filter.Value.Bool::new));
        return Combinators.combine(properties, Arbitraries.of(Filter.Op.class), values).as((property, op, value) -> {
            return switch (op) {
                case EXISTS -> new Filter(property, op, new Filter.Value.None());
                case GT, GTE, LT, LTE -> new Filter(property, op, value instanceof Filter.Value.Number
                        ? value : new Filter.Value.Number(new BigDecimal("1.5")));
                case CONTAINS -> new Filter(property, op, value instanceof Filter.Value.Text text
                        && !text.text().isEmpty() ? value : new Filter.Value.Text("Aszú"));
                default -> new Filter(property, op, value);
            };
        });
    }

    private Arbitrary<Condition> age() {
        return Combinators.combine(Arbitraries.integers().between(0, 90).injectNull(0.3),
                Arbitraries.integers().between(0, 60).injectNull(0.3)).as((min, span) -> {
                    if (min == null && span == null) {
                        return new Condition.Age(18, null);
                    }
                    return new Condition.Age(min, span == null ? null : (min == null ? span : min + span));
                });
    }

    private Arbitrary<Condition> events() {
        Arbitrary<Duration> windows = Arbitraries.of(Duration.ofMinutes(90), Duration.ofHours(12), Duration.ofDays(1),
                Duration.ofDays(30), Duration.ofDays(366));
        Arbitrary<Condition.Measure> measures = Arbitraries.oneOf(Arbitraries.just(new Condition.Measure.Count()),
                Arbitraries.of("total", "name").map(Condition.Measure.Sum::new));
        return Combinators.combine(Arbitraries.of(EVENTS).injectNull(0.2), Arbitraries.of(CHANNELS).injectNull(0.7),
                filter(Arbitraries.of("name", "total", "currency", "tags")).list().ofMaxSize(2), windows, measures,
                Arbitraries.of(Condition.Comparison.class),
                Arbitraries.of("0", "1", "2", "3", "24900", "1.6", "0.3").map(BigDecimal::new))
                .as((event, channel, where, window, measure, comparison, value) -> new Condition.Events(
                        event == null && channel == null ? "page" : event, channel, where, window, measure, comparison,
                        value));
    }

    private Arbitrary<Condition> place() {
        return Arbitraries.oneOf(
                Arbitraries.of("HU", "SK").set().ofMinSize(1).map(values -> new Condition.Place(
                        Condition.PlaceField.COUNTRY, List.copyOf(values))),
                Arbitraries.of("Debrecen", "Budapest", "debrecen").set().ofMinSize(1).map(values -> new Condition.Place(
                        Condition.PlaceField.CITY, List.copyOf(values))),
                Arbitraries.of("40", "4032", "1", "403").set().ofMinSize(1).map(values -> new Condition.Place(
                        Condition.PlaceField.POSTCODE, List.copyOf(values))));
    }

    private Arbitrary<Condition> near() {
        return Arbitraries.of(1.0, 10.0, 30.0, 200.0).map(km -> new Condition.NearShop("shop-debrecen", km, 47.5316,
                21.6273));
    }

    private Arbitrary<Condition> rfm() {
        Arbitrary<Condition.Comparison> comparisons = Arbitraries.of(Condition.Comparison.class);
        Arbitrary<Integer> scores = Arbitraries.integers().between(0, RfmScores.MAX);
        return Combinators.combine(Arbitraries.of(Condition.RfmScore.class), comparisons, scores,
                Arbitraries.of(true, false)).as((score, comparison, value, ownBands) -> {
                    if (!RfmScores.decides(comparison, value)) {
                        comparison = Condition.Comparison.GTE;
                        value = 2;
                    }
                    List<BigDecimal> bands = switch (score) {
                        case RECENCY -> ownBands ? bands(1, 7, 30, 200) : RfmScores.RECENCY_DAYS;
                        case FREQUENCY -> ownBands ? bands(2, 4, 6, 8) : RfmScores.FREQUENCY_ORDERS;
                        case MONETARY -> ownBands ? bands(1, 100, 24900, 50000) : bands(0.1, 0.2, 1.5, 100);
                    };
                    return (Condition) new Condition.Rfm(score, bands,
                            score == Condition.RfmScore.MONETARY ? "HUF" : null, comparison, value);
                });
    }

    private static List<BigDecimal> bands(double... values) {
        return java.util.Arrays.stream(values).mapToObj(value -> new BigDecimal(Double.toString(value))).toList();
    }

    private Arbitrary<Condition> affinity() {
        Arbitrary<Duration> windows = Arbitraries.of(Duration.ofHours(12), Duration.ofDays(30), Duration.ofDays(366));
        Arbitrary<Condition> categories = Combinators.combine(
                Arbitraries.of("Wines/Tokaji/Aszú", "Wines/Furmint", "Glasses", "4"), Arbitraries.integers().between(1, 3),
                windows).as((category, top, window) -> new Condition.Affinity(Condition.AffinityKind.TOP_CATEGORY,
                        List.of("Product Viewed"), "category", category, top, window));
        Arbitrary<Condition> channels = Combinators.combine(Arbitraries.of("email", "sms", "push"), windows)
                .as((channel, window) -> new Condition.Affinity(Condition.AffinityKind.PREFERRED_CHANNEL,
                        List.of("Message Opened", "Message Clicked"), "channel", channel, 1, window));
        return Arbitraries.oneOf(categories, channels);
    }

    private Arbitrary<Condition> promotionShare() {
        return Combinators.combine(Arbitraries.of(Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(366)),
                Arbitraries.of(Condition.Comparison.class),
                Arbitraries.of("0", "0.5", "1", "0.3333", "0.25").map(BigDecimal::new))
                .as(Condition.PromotionShare::new);
    }

    private Arbitrary<Condition> consent() {
        return Arbitraries.of("email", "sms", "push").map(channel -> new Condition.Consented("marketing", channel));
    }

}
