package io.throughline.messaging.internal;

import io.throughline.messaging.MessageChannel;
import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code messaging.engagement_score} rows: one per customer and channel she engaged on. */
@Component
class EngagementScores {

    private final JdbcClient jdbc;

    EngagementScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's scores at the moment, by channel; channels she never engaged on are absent. */
    Map<MessageChannel, Double> of(UUID profileId, Instant at) {
        Map<MessageChannel, Double> scores = new EnumMap<>(MessageChannel.class);
        jdbc.sql("SELECT channel, score, as_of FROM messaging.engagement_score WHERE profile_id = ?").param(profileId)
                .query((rs, row) -> Map.entry(Rows.enumOf(rs, "channel", MessageChannel.class),
                        new Engagement(rs.getDouble("score"), Rows.instant(rs, "as_of")))).list()
                .forEach(score -> scores.put(score.getKey(), score.getValue().at(at)));
        return scores;
    }

    /** Adds a signal of the weight; a click also becomes the channel's latest click for purchase attribution. */
    void add(UUID profileId, MessageChannel channel, double weight, Instant moment, boolean click) {
        // Created empty first, so that two nodes adding the first signal at once both land on one locked row.
        jdbc.sql("""
                INSERT INTO messaging.engagement_score (profile_id, channel, score, as_of) VALUES (?, ?, 0, ?)
                ON CONFLICT DO NOTHING""").params(profileId, channel.name(), Rows.timestamp(moment)).update();
        Engagement current = jdbc.sql("""
                SELECT score, as_of FROM messaging.engagement_score WHERE profile_id = ? AND channel = ? FOR UPDATE""")
                .params(profileId, channel.name())
                .query((rs, row) -> new Engagement(rs.getDouble("score"), Rows.instant(rs, "as_of"))).single();
        Engagement next = current.plus(weight, moment);
        jdbc.sql("""
                UPDATE messaging.engagement_score SET score = ?, as_of = ?,
                    last_click_at = CASE WHEN ? THEN greatest(last_click_at, ?) ELSE last_click_at END
                WHERE profile_id = ? AND channel = ?""")
                .params(next.score(), Rows.timestamp(next.asOf()), click, Rows.timestamp(moment), profileId,
                        channel.name())
                .update();
    }

    /** The channel of the customer's latest click in the attribution window before the moment, if any. */
    Optional<MessageChannel> lastClicked(UUID profileId, Instant before) {
        return jdbc.sql("""
                SELECT channel FROM messaging.engagement_score WHERE profile_id = ? AND last_click_at > ?
                    AND last_click_at <= ? ORDER BY last_click_at DESC LIMIT 1""")
                .params(profileId, Rows.timestamp(before.minus(Engagement.ATTRIBUTION)), Rows.timestamp(before))
                .query((rs, row) -> Rows.enumOf(rs, "channel", MessageChannel.class)).optional();
    }
}
