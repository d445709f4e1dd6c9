package io.throughline.recommendations.internal;

import static io.throughline.platform.Rows.enumOf;
import static io.throughline.platform.Rows.instant;
import static io.throughline.platform.Rows.timestamp;
import static io.throughline.platform.Rows.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The interactions the model learns from ({@code recommendations.interaction}). */
@Repository
class InteractionStore {

    private final JdbcClient jdbc;

    InteractionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes them in one statement; an event read again writes nothing again. */
    void add(List<Interaction> interactions, List<Integer> indexes) {
        if (interactions.isEmpty()) {
            return;
        }
        int n = interactions.size();
        Long[] seqs = new Long[n];
        Integer[] idx = new Integer[n];
        String[] profiles = new String[n];
        String[] skus = new String[n];
        String[] names = new String[n];
        String[] kinds = new String[n];
        Integer[] quantities = new Integer[n];
        String[] channels = new String[n];
        String[] regions = new String[n];
        String[] baskets = new String[n];
        java.sql.Timestamp[] at = new java.sql.Timestamp[n];
        for (int i = 0; i < n; i++) {
            Interaction interaction = interactions.get(i);
            seqs[i] = interaction.seq();
            idx[i] = indexes.get(i);
            profiles[i] = interaction.profileId().toString();
            skus[i] = interaction.sku();
            names[i] = interaction.name();
            kinds[i] = interaction.kind().name();
            quantities[i] = interaction.quantity();
            channels[i] = interaction.channel();
            regions[i] = interaction.region();
            baskets[i] = interaction.basket();
            at[i] = timestamp(interaction.at());
        }
        jdbc.sql("""
                INSERT INTO recommendations.interaction (seq, idx, profile_id, sku, name, kind, quantity, channel, region,
                                                         basket, at)
                SELECT * FROM unnest(?::bigint[], ?::int[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[],
                                     ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                ON CONFLICT DO NOTHING""")
                .params(seqs, idx, profiles, skus, names, kinds, quantities, channels, regions, baskets, at).update();
    }

    void moveProfile(UUID from, UUID to) {
        jdbc.sql("UPDATE recommendations.interaction SET profile_id = ? WHERE profile_id = ?").params(to, from)
                .update();
    }

    /**
     * Gives back to {@code to} the rows now on {@code from} that were learnt from the events numbered; answers how
     * many moved.
     */
    int moveBack(UUID from, UUID to, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE recommendations.interaction SET profile_id = ? WHERE profile_id = ? AND seq = ANY(?::bigint[])")
                .params(to, from, seqs.toArray(Long[]::new)).update();
    }

    /** One customer's rows before the time (all when null), in log order. */
    List<Interaction> of(UUID profileId, @Nullable Instant before) {
        return jdbc.sql("""
                SELECT seq, profile_id, sku, name, kind, quantity, channel, region, basket, at
                  FROM recommendations.interaction
                 WHERE profile_id = ? AND (?::timestamptz IS NULL OR at < ?::timestamptz)
                 ORDER BY seq, idx""")
                .params(profileId, before == null ? null : timestamp(before), before == null ? null : timestamp(before))
                .query(InteractionStore::interaction).list();
    }

    void forget(UUID profileId) {
        jdbc.sql("DELETE FROM recommendations.interaction WHERE profile_id = ?").param(profileId).update();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM recommendations.interaction").query(Long.class).single();
    }

    /** Everything before the time (all when null), in log order. */
    List<Interaction> all(@Nullable Instant before) {
        List<Interaction> all = new ArrayList<>();
        jdbc.sql("""
                SELECT seq, profile_id, sku, name, kind, quantity, channel, region, basket, at
                  FROM recommendations.interaction WHERE (?::timestamptz IS NULL OR at < ?::timestamptz)
                 ORDER BY seq, idx""")
                .params(before == null ? null : timestamp(before), before == null ? null : timestamp(before))
                .query(rs -> {
                    all.add(interaction(rs, 0));
                });
        return all;
    }

    private static Interaction interaction(ResultSet rs, int row) throws SQLException {
        return new Interaction(rs.getLong("seq"), uuid(rs, "profile_id"), rs.getString("sku"), rs.getString("name"),
                enumOf(rs, "kind", InteractionKind.class), rs.getInt("quantity"), rs.getString("channel"),
                rs.getString("region"), rs.getString("basket"), instant(rs, "at"));
    }
}
