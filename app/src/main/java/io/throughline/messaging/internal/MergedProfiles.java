package io.throughline.messaging.internal;

import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows a merge of two profiles in messaging: the merged profile's deliveries, channel decisions, in-app
 * cards, tasks and counted signals become the survivor's, so her caps count both profiles' sends and her
 * history shows both; her engagement scores per channel are added up (each decayed to the later of the two
 * moments). An unmerge gives back the records the merged profile brought.
 */
@Component
class MergedProfiles {

    private static final List<String> TABLES = List.of("decision", "delivery", "in_app_card", "associate_task",
            "engagement_signal");

    private final JdbcClient jdbc;

    MergedProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void merge(UUID merged, UUID survivor) {
        Map<String, Score> scores = new HashMap<>();
        jdbc.sql("""
                SELECT channel, score, as_of, last_click_at FROM messaging.engagement_score
                WHERE profile_id = ANY(?) ORDER BY profile_id FOR UPDATE""")
                .param(new UUID[] {merged, survivor})
                .query((rs, row) -> new Score(rs.getString("channel"), new Engagement(rs.getDouble("score"),
                        Rows.instant(rs, "as_of")), Rows.instantOrNull(rs, "last_click_at")))
                .list().forEach(score -> scores.merge(score.channel(), score, Score::plus));
        jdbc.sql("DELETE FROM messaging.engagement_score WHERE profile_id = ANY(?)")
                .param(new UUID[] {merged, survivor}).update();
        for (Score score : scores.values()) {
            jdbc.sql("""
                    INSERT INTO messaging.engagement_score (profile_id, channel, score, as_of, last_click_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(survivor, score.channel(), score.engagement().score(),
                            Rows.timestamp(score.engagement().asOf()),
                            Rows.timestampOrNull(score.lastClick()))
                    .update();
        }
        for (String table : TABLES) {
            jdbc.sql("UPDATE messaging." + table + " SET profile_id = ?, merged_from = ? WHERE profile_id = ?")
                    .params(survivor, merged, merged).update();
        }
    }

    /**
     * Undoes a merge: the records the restored profile brought to the survivor go back to her. Those made on the
     * survivor since stay, and so do the engagement scores, which were added up and cannot be told apart; they
     * decay within weeks.
     */
    void unmerge(UUID survivor, UUID restored) {
        for (String table : TABLES) {
            jdbc.sql("UPDATE messaging." + table + " SET profile_id = ?, merged_from = NULL "
                    + "WHERE profile_id = ? AND merged_from = ?").params(restored, survivor, restored).update();
        }
    }

    /** One profile's score on a channel, or two profiles' added up. */
    private record Score(String channel, Engagement engagement, @Nullable Instant lastClick) {

        Score plus(Score other) {
            Instant asOf = engagement.asOf().isAfter(other.engagement.asOf()) ? engagement.asOf()
                    : other.engagement.asOf();
            Instant click = lastClick == null ? other.lastClick
                    : other.lastClick == null || lastClick.isAfter(other.lastClick) ? lastClick : other.lastClick;
            return new Score(channel, new Engagement(engagement.at(asOf) + other.engagement.at(asOf), asOf), click);
        }
    }
}
