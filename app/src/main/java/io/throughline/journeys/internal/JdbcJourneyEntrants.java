package io.throughline.journeys.internal;

import io.throughline.journeys.JourneyEntrants;
import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Entries as the instances record them: an instance that left at a control-group split was held out. */
@Component
class JdbcJourneyEntrants implements JourneyEntrants {

    private final JdbcClient jdbc;

    JdbcJourneyEntrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entrant> entered(String journeyKey, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT profile_id, version, entered_at, state FROM journeys.instance
                WHERE journey_key = ? AND entered_at >= ? AND entered_at < ? AND state <> 'MERGED'
                ORDER BY entered_at, id LIMIT ?""")
                .params(journeyKey, Rows.timestamp(from), Rows.timestamp(to), limit)
                .query((rs, row) -> new Entrant(Rows.uuid(rs, "profile_id"), rs.getInt("version"),
                        Rows.instant(rs, "entered_at"),
                        Rows.enumOf(rs, "state", InstanceState.class) == InstanceState.CONTROL))
                .list();
    }
}
