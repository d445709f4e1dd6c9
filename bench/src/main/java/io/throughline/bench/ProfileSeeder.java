package io.throughline.bench;

import io.throughline.bench.Shoppers.Shopper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a running platform's tables directly with COPY, far faster than through HTTP: profiles with their
 * identities, traits and channel activity, and events spread over them at random (newest in the current
 * month's partition, resolved to their profile). The platform's processors are held at bay meanwhile by
 * locking their offsets, and then moved past the seeded events, so they do not replay millions of rows.
 */
final class ProfileSeeder {

    /** A channel of the demo brand that seeded events come from, and its share of them in percent. */
    private record Channel(String name, int percent) {}

    private static final List<Channel> CHANNELS = List.of(new Channel("web", 60), new Channel("app", 30),
            new Channel("shop-budapest", 10));
    private static final Duration HISTORY = Duration.ofDays(730);
    private static final int EVENTS_PER_COMMIT = 250_000;
    private static final long PROGRESS_EVERY = 2_000_000;

    /** What was seeded: the profile ids (for the readers to draw from) and how long each part took. */
    record Seeded(UUID[] profileIds, long events, Duration profilesTook, Duration eventsTook, Duration analyzeTook) {

        Duration total() {
            return profilesTook.plus(eventsTook).plus(analyzeTook);
        }
    }

    private final int postgresPort;
    private final Shoppers shoppers;
    private final EventMix mix;
    private final int connections;
    private final long seed;

    ProfileSeeder(int postgresPort, int profiles, int connections, long seed) {
        this.postgresPort = postgresPort;
        this.shoppers = new Shoppers(profiles);
        this.mix = new EventMix(shoppers);
        this.connections = connections;
        this.seed = seed;
    }

    Seeded seed(long events) throws Exception {
        try (Connection control = Postgres.connect(postgresPort)) {
            control.setAutoCommit(false);
            List<String> held = holdProcessors(control);
            Report.println("profile-read: holding processors " + held + " while seeding");
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UUID[] ids = profileIds(now);

            long started = System.nanoTime();
            withoutSecondaryIndexes(List.of("customers.profile", "customers.identity"), () -> seedProfiles(ids, now));
            Duration profilesTook = Duration.ofNanos(System.nanoTime() - started);
            Report.printf("profile-read: seeded %d profiles with identities, traits and channels in %.1f s%n",
                    ids.length, profilesTook.toMillis() / 1e3);

            started = System.nanoTime();
            long firstSeq = Postgres.number(control, "SELECT nextval('events.event_seq')");
            withoutSecondaryIndexes(List.of("events.event"), () -> seedEvents(ids, events, firstSeq, now));
            long lastSeq = firstSeq + events - 1;
            Duration eventsTook = Duration.ofNanos(System.nanoTime() - started);
            Report.printf("profile-read: seeded %d events in %.1f s (%.0f rows/s, index rebuild included)%n", events,
                    eventsTook.toMillis() / 1e3, events / (eventsTook.toNanos() / 1e9));

            started = System.nanoTime();
            try (Connection analyze = Postgres.connect(postgresPort)) {
                Postgres.execute(analyze, "ANALYZE customers.profile, customers.identity, customers.trait, "
                        + "customers.channel_activity, events.event");
            }
            Duration analyzeTook = Duration.ofNanos(System.nanoTime() - started);
            releaseProcessors(control, lastSeq);
            return new Seeded(ids, events, profilesTook, eventsTook, analyzeTook);
        }
    }

    @FunctionalInterface
    private interface Load {
        void run() throws Exception;
    }

    /** Bulk loads run faster without secondary indexes; they are rebuilt from their definitions afterwards. */
    private void withoutSecondaryIndexes(List<String> tables, Load load) throws Exception {
        try (Connection connection = Postgres.connect(postgresPort)) {
            List<SecondaryIndexes> dropped = new ArrayList<>();
            for (String table : tables) {
                dropped.add(SecondaryIndexes.drop(connection, table));
            }
            load.run();
            long started = System.nanoTime();
            for (SecondaryIndexes indexes : dropped) {
                indexes.rebuild(connection);
            }
            Report.printf("profile-read: rebuilt indexes %s in %.1f s%n",
                    dropped.stream().flatMap(indexes -> indexes.names().stream()).toList(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Locks every processor's offset row in the control transaction: a processor's next batch starts with
     * {@code SELECT … FOR UPDATE} on it, so it waits until the offsets have moved past the seeded events.
     */
    private static List<String> holdProcessors(Connection control) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Postgres.number(control, "SELECT count(*) FROM events.processor_offset") == 0) {
            control.rollback();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no processor registered its offset within 60 s");
            }
            Thread.sleep(200);
        }
        List<String> processors = new ArrayList<>();
        try (Statement statement = control.createStatement();
                ResultSet rs = statement.executeQuery("SELECT processor FROM events.processor_offset FOR UPDATE")) {
            while (rs.next()) {
                processors.add(rs.getString(1));
            }
        }
        return processors;
    }

    private static void releaseProcessors(Connection control, long lastSeq) throws SQLException {
        Postgres.execute(control, "SELECT setval('events.event_seq', " + lastSeq + ")");
        Postgres.execute(control, "UPDATE events.processor_offset SET seq = greatest(seq, " + lastSeq + "), updated_at = now()");
        control.commit();
    }

    /** Time-ordered ids (UUIDv7, as the platform makes them) of customers who joined over the last two years. */
    private UUID[] profileIds(Instant now) {
        SplittableRandom random = new SplittableRandom(seed);
        UUID[] ids = new UUID[shoppers.size()];
        for (int n = 0; n < ids.length; n++) {
            long millis = createdAt(n, now).toEpochMilli();
            long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            ids[n] = new UUID(high, low);
        }
        return ids;
    }

    private Instant createdAt(int shopper, Instant now) {
        return now.minus(HISTORY).plusMillis(HISTORY.toMillis() * shopper / shoppers.size());
    }

    private void seedProfiles(UUID[] ids, Instant now) throws SQLException {
        try (Connection connection = Postgres.connect(postgresPort)) {
            connection.setAutoCommit(false);
            copy(connection, "customers.profile", "id, given_name, family_name, email, created_at, updated_at", ids.length,
                    (copy, n) -> {
                        Shopper shopper = shoppers.get(n);
                        Instant created = createdAt(n, now);
                        copy.add(ids[n]).addNullable(shopper.registered() ? shopper.givenName() : null)
                                .addNullable(shopper.registered() ? shopper.familyName() : null)
                                .addNullable(shopper.email()).add(created).add(created).endRow();
                    });
            copy(connection, "customers.identity", "type, value, profile_id, first_seen_at", ids.length, (copy, n) -> {
                Shopper shopper = shoppers.get(n);
                Instant created = createdAt(n, now);
                copy.add("anonymous_id").add(shopper.anonymousId()).add(ids[n]).add(created).endRow();
                if (shopper.secondAnonymousId() != null) {
                    copy.add("anonymous_id").add(shopper.secondAnonymousId()).add(ids[n]).add(created).endRow();
                }
                if (shopper.registered()) {
                    copy.add("user_id").add(shopper.userId()).add(ids[n]).add(created).endRow();
                    copy.add("email").add(shopper.email()).add(ids[n]).add(created).endRow();
                }
            });
            copy(connection, "customers.trait", "profile_id, name, value, observed_at", ids.length, (copy, n) -> {
                Shopper shopper = shoppers.get(n);
                if (shopper.registered()) {
                    Instant created = createdAt(n, now);
                    copy.add(ids[n]).add("email").add('"' + shopper.email() + '"').add(created).endRow();
                    copy.add(ids[n]).add("firstName").add('"' + shopper.givenName() + '"').add(created).endRow();
                    copy.add(ids[n]).add("lastName").add('"' + shopper.familyName() + '"').add(created).endRow();
                }
            });
            copy(connection, "customers.channel_activity", "profile_id, channel, first_seen_at, last_seen_at, events",
                    ids.length, (copy, n) -> {
                        Instant created = createdAt(n, now);
                        copy.add(ids[n]).add("web").add(created).add(now).add(12 + n % 17).endRow();
                        if (n % 3 == 0) {
                            copy.add(ids[n]).add("app").add(created).add(now).add(5 + n % 11).endRow();
                        }
                        if (n % 7 == 0) {
                            copy.add(ids[n]).add("shop-budapest").add(created).add(now).add(1 + n % 3).endRow();
                        }
                    });
        }
    }

    /** Writes rows 0..count-1 with one COPY per table, in one transaction. */
    private static void copy(Connection connection, String table, String columns, int count, RowWriter rows)
            throws SQLException {
        CopyStream copy = CopyStream.open(connection, table, columns);
        for (int n = 0; n < count; n++) {
            rows.write(copy, n);
        }
        copy.finish();
        connection.commit();
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(CopyStream copy, int row) throws SQLException;
    }

    /**
     * Events at random over the profiles, on several connections at once (PostgreSQL's COPY runs on one core
     * per session), received over the last three weeks but never before the first of this month, where the
     * platform's partition for this month begins.
     */
    private void seedEvents(UUID[] ids, long events, long firstSeq, Instant now) throws Exception {
        Instant monthStart = now.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant from = now.minus(Duration.ofDays(20)).isAfter(monthStart) ? now.minus(Duration.ofDays(20)) : monthStart;
        long spanMicros = Math.max(1, ChronoUnit.MICROS.between(from, now.minusSeconds(60)));
        UUID[] sources = sources();
        List<Future<?>> parts = new ArrayList<>();
        long perPart = (events + connections - 1) / connections;
        try (ExecutorService executor = Executors.newFixedThreadPool(connections)) {
            for (int part = 0; part < connections; part++) {
                long start = part * perPart;
                long end = Math.min(events, start + perPart);
                int partNumber = part;
                parts.add(executor.submit(() -> {
                    seedEventRange(ids, start, end, firstSeq, from, spanMicros, events, sources, partNumber);
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (ExecutionException failed) {
            throw new IllegalStateException("seeding events failed: " + failed.getCause(), failed.getCause());
        }
    }

    private void seedEventRange(UUID[] ids, long start, long end, long firstSeq, Instant from, long spanMicros,
            long events, UUID[] sources, int part) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed ^ (part + 1) * 0x9E3779B97F4A7C15L);
        try (Connection connection = Postgres.connect(postgresPort)) {
            connection.setAutoCommit(false);
            for (long chunk = start; chunk < end; chunk += EVENTS_PER_COMMIT) {
                long chunkEnd = Math.min(end, chunk + EVENTS_PER_COMMIT);
                CopyStream copy = CopyStream.open(connection, "events.event", CopyReference.COLUMNS);
                for (long i = chunk; i < chunkEnd; i++) {
                    int shopper = random.nextInt(ids.length);
                    int channel = channelIndex(random.nextInt(100));
                    // In double: span (about 1.7e12 µs) times row number overflows a long at tens of millions of rows.
                    Instant received = from.plus((long) ((double) spanMicros * i / events), ChronoUnit.MICROS);
                    var event = mix.drawFor(shoppers.get(shopper), random, "seed-" + i,
                            received.minusMillis(random.nextInt(10_000)));
                    CopyReference.addRow(copy, firstSeq + i, received, ids[shopper], sources[channel],
                            CHANNELS.get(channel).name(), event);
                }
                copy.finish();
                connection.commit();
                if (part == 0 && (chunkEnd - start) % PROGRESS_EVERY < EVENTS_PER_COMMIT) {
                    Report.printf("profile-read: seeding events, %d of %d on the first connection%n",
                            chunkEnd - start, end - start);
                }
            }
        }
    }

    private static int channelIndex(int roll) {
        int upTo = 0;
        for (int i = 0; i < CHANNELS.size(); i++) {
            upTo += CHANNELS.get(i).percent();
            if (roll < upTo) {
                return i;
            }
        }
        return CHANNELS.size() - 1;
    }

    /** The demo brand's source of each seeded channel, in the order of {@link #CHANNELS}. */
    private UUID[] sources() throws SQLException {
        UUID[] sources = new UUID[CHANNELS.size()];
        try (Connection connection = Postgres.connect(postgresPort)) {
            for (int i = 0; i < sources.length; i++) {
                sources[i] = UUID.fromString(Postgres.text(connection,
                        "SELECT id FROM tracking.source WHERE channel = '" + CHANNELS.get(i).name() + "'"));
            }
        }
        return sources;
    }
}
