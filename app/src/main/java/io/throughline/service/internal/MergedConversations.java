package io.throughline.service.internal;

import io.throughline.events.LoggedEvent;
import io.throughline.events.ProfileMergeEvent;
import io.throughline.events.ProfileMergeFollower;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conversations follow their customer's profile. At "Profiles Merged" the merged profile's cases become the
 * survivor's (noted in {@code merged_from}); if both had a live case, the younger one is merged into the older,
 * so that she still has one thread. "Profiles Unmerged" gives the restored profile her cases back and undoes
 * that merge of cases. In the processor's transaction, so a batch read twice does the same once.
 */
@Component
class MergedConversations implements ProfileMergeFollower {

    private final JdbcClient jdbc;

    MergedConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "service.merges";
    }

    @Override
    public void follow(ProfileMergeEvent change, LoggedEvent event) {
        switch (change) {
            case ProfileMergeEvent.Merged merge -> merge(merge.merged(), merge.survivor());
            case ProfileMergeEvent.Unmerged unmerge -> unmerge(unmerge.survivor(), unmerge.restored());
        }
    }

    void merge(UUID merged, UUID survivor) {
        jdbc.sql("UPDATE service.conversation SET profile_id = ?, merged_from = ? WHERE profile_id = ?")
                .params(survivor, merged, merged).update();
        jdbc.sql("UPDATE service.message SET profile_id = ? WHERE profile_id = ?").params(survivor, merged).update();
        List<UUID> live = jdbc.sql("""
                SELECT id FROM service.conversation
                WHERE profile_id = ? AND status <> 'RESOLVED' AND merged_into IS NULL ORDER BY opened_at, id""")
                .param(survivor).query((rs, row) -> (UUID) rs.getObject("id")).list();
        if (live.size() > 1) {
            jdbc.sql("UPDATE service.conversation SET merged_into = ?, version = version + 1 WHERE id = ANY(?)")
                    .params(live.get(0), live.subList(1, live.size()).toArray(UUID[]::new)).update();
        }
    }

    void unmerge(UUID survivor, UUID restored) {
        List<UUID> back = jdbc.sql("""
                UPDATE service.conversation SET profile_id = ?, merged_from = NULL, merged_into = NULL,
                    version = version + 1
                WHERE profile_id = ? AND merged_from = ? RETURNING id""")
                .params(restored, survivor, restored).query((rs, row) -> (UUID) rs.getObject("id")).list();
        if (back.isEmpty()) {
            return;
        }
        UUID[] ids = back.toArray(UUID[]::new);
        jdbc.sql("UPDATE service.message SET profile_id = ? WHERE conversation_id = ANY(?)").params(restored, ids)
                .update();
        // A case of the survivor's that had taken hers in keeps nothing of hers.
        jdbc.sql("UPDATE service.conversation SET merged_into = NULL WHERE merged_into = ANY(?) AND profile_id = ?")
                .params(ids, survivor).update();
    }
}
