package io.throughline.privacy.internal;

import io.throughline.events.EventTimeline;
import io.throughline.events.EventType;
import io.throughline.events.LoggedEvent;
import io.throughline.events.ProcessorOffsets;
import io.throughline.platform.Rows;
import io.throughline.privacy.Consent;
import io.throughline.privacy.Consents;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcConsents implements Consents {

    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final EventTimeline timeline;
    private final ProcessorOffsets offsets;
    private final JsonMapper json;

    JdbcConsents(JdbcClient jdbc, EventTimeline timeline, ProcessorOffsets offsets, JsonMapper json) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.offsets = offsets;
        this.json = json;
    }

    @Override
    public List<Consent> of(UUID profileId) {
        // A restricted profile's marketing consent reads as refused, so that every sender that asks here (a
        // direct send, a journey, the channel choice) stops marketing to her; her own statements stay stored
        // for when the restriction ends.
        return jdbc.sql("""
                SELECT c.purpose, c.channel,
                       c.granted AND (r.profile_id IS NULL OR c.purpose <> 'marketing') AS granted,
                       CASE WHEN r.profile_id IS NOT NULL AND c.purpose = 'marketing' THEN 'restriction'
                            ELSE c.source END AS source,
                       c.recorded_at
                FROM privacy.consent c LEFT JOIN privacy.restriction r ON r.profile_id = c.profile_id
                WHERE c.profile_id = ? ORDER BY c.purpose, c.channel""").param(profileId)
                .query((rs, row) -> new Consent(Consent.Purpose.of(rs.getString("purpose")).orElseThrow(),
                        Consent.Channel.of(rs.getString("channel")).orElseThrow(), rs.getBoolean("granted"),
                        rs.getString("source"), Rows.instant(rs, "recorded_at")))
                .list();
    }

    @Override
    public void record(UUID profileId, Consent consent) {
        jdbc.sql("""
                INSERT INTO privacy.consent (profile_id, purpose, channel, granted, source, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile_id, purpose, channel) DO UPDATE
                SET granted = excluded.granted, source = excluded.source, recorded_at = excluded.recorded_at
                WHERE excluded.recorded_at >= privacy.consent.recorded_at""")
                .params(profileId, consent.purpose().key(), consent.channel().key(), consent.granted(),
                        consent.source(), Rows.timestamp(consent.recordedAt()))
                .update();
    }

    @Override
    public void splitAfterUnmerge(UUID survivor, UUID restored) {
        ConsentProcessor.lock(jdbc);
        // A copy made at the merge is a survivor's row identical to one of the restored profile's, which kept
        // its own rows. A statement the copy replaced on the survivor is not known any more, unless an
        // identify event of the survivor's makes it again below.
        jdbc.sql("""
                DELETE FROM privacy.consent s USING privacy.consent r
                WHERE s.profile_id = ? AND r.profile_id = ? AND s.purpose = r.purpose AND s.channel = r.channel
                  AND s.granted = r.granted AND s.source = r.source AND s.recorded_at = r.recorded_at""")
                .params(survivor, restored).update();
        // Events the processor has not read yet, it will record in its own time.
        long processedUpTo = offsets.offset(ConsentProcessor.NAME);
        for (UUID profile : List.of(survivor, restored)) {
            jdbc.sql("DELETE FROM privacy.consent WHERE profile_id = ? AND source LIKE 'identify:%'")
                    .param(profile).update();
            for (LoggedEvent event : identifyEventsOldestFirst(profile, processedUpTo)) {
                ConsentProcessor.statementsOf(event, json).forEach(consent -> record(profile, consent));
            }
        }
    }

    private List<LoggedEvent> identifyEventsOldestFirst(UUID profile, long upTo) {
        List<LoggedEvent> events = new ArrayList<>();
        @Nullable Long before = null;
        while (true) {
            List<LoggedEvent> page = timeline.page(profile, before, PAGE, null, null);
            page.stream().filter(event -> event.type() == EventType.IDENTIFY && event.seq() <= upTo)
                    .forEach(events::add);
            if (page.size() < PAGE) {
                return events.reversed();
            }
            before = page.getLast().seq();
        }
    }
}
