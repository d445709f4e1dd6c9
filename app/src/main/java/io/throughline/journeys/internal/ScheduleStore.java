package io.throughline.journeys.internal;

import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The next run of each journey with a schedule trigger ({@code journeys.schedule}). */
@Repository
class ScheduleStore {

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void schedule(String key, Instant nextRun) {
        jdbc.sql("""
                INSERT INTO journeys.schedule (journey_key, next_run_at) VALUES (?, ?)
                ON CONFLICT (journey_key) DO UPDATE SET next_run_at = excluded.next_run_at""")
                .params(key, Rows.timestamp(nextRun)).update();
    }

    void unschedule(String key) {
        jdbc.sql("DELETE FROM journeys.schedule WHERE journey_key = ?").param(key).update();
    }

    /** Scheduled journeys due to run, locked until the transaction ends so that one node runs each. */
    List<String> claimDue(Instant now) {
        return jdbc.sql("SELECT journey_key FROM journeys.schedule WHERE next_run_at <= ? FOR UPDATE SKIP LOCKED")
                .param(Rows.timestamp(now)).query(String.class).list();
    }
}
