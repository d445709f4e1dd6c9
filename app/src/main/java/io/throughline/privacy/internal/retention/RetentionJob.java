package io.throughline.privacy.internal.retention;

import io.throughline.platform.Ids;
import io.throughline.platform.Rows;
import io.throughline.privacy.Retention;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sweeps every table by its retention rule, each table in transactions of its own so that one that fails leaves
 * the others swept. Logs and records counts per table only. Two nodes sweeping at once do no harm: each row is
 * deleted once, and each run counts the rows it removed.
 */
@Service
class RetentionJob implements Retention {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    RetentionJob(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties properties, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(cron = "${throughline.privacy.retention.schedule:0 30 3 * * *}")
    void nightly() {
        runNow(null);
    }

    @Override
    public Run runNow(@Nullable UUID staffId) {
        Instant started = clock.instant();
        Map<String, Long> removed = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (RetentionRules.Rule rule : RetentionRules.of(properties)) {
            if (rule.keep().isZero() || rule.keep().isNegative()) {
                continue;
            }
            try {
                removed.put(rule.table(), sweep(rule, started.minus(rule.keep())));
            } catch (DataAccessException unsweepable) {
                failed.add(rule.table());
                log.warn("Retention could not sweep {}: {}", rule.table(),
                        unsweepable.getMostSpecificCause().getClass().getSimpleName());
            }
        }
        Run run = new Run(Ids.newId(clock), started, clock.instant(), staffId, removed, failed);
        jdbc.sql("""
                INSERT INTO privacy.retention_run (id, started_at, finished_at, started_by, removed, failed)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(run.id(), Rows.timestamp(run.startedAt()), Rows.timestamp(run.finishedAt()), staffId,
                        json.writeValueAsString(removed), json.writeValueAsString(failed))
                .update();
        log.info("Retention removed {} rows: {}{}", run.total(), removed,
                failed.isEmpty() ? "" : "; not swept: " + failed);
        return run;
    }

    private long sweep(RetentionRules.Rule rule, Instant cutoff) {
        long total = 0;
        while (true) {
            List<Object> params = new ArrayList<>();
            Timestamp at = Rows.timestamp(cutoff);
            for (int i = 0; i < rule.cutoffs(); i++) {
                params.add(at);
            }
            if (rule.batched()) {
                params.add(RetentionRules.BATCH);
            }
            Integer batch = transactions.execute(status -> jdbc.sql(rule.sql()).params(params).update());
            total += batch == null ? 0 : batch;
            if (!rule.batched() || batch == null || batch < RetentionRules.BATCH) {
                return total;
            }
        }
    }

    @Override
    public List<Run> recentRuns(int limit) {
        return jdbc.sql("""
                SELECT id, started_at, finished_at, started_by, removed::text AS removed, failed::text AS failed
                FROM privacy.retention_run ORDER BY started_at DESC, id DESC LIMIT ?""").param(limit)
                .query((rs, row) -> new Run(Rows.uuid(rs, "id"), Rows.instant(rs, "started_at"),
                        Rows.instant(rs, "finished_at"), Rows.uuidOrNull(rs, "started_by"),
                        json.readValue(rs.getString("removed"), new TypeReference<LinkedHashMap<String, Long>>() {}),
                        json.readValue(rs.getString("failed"), new TypeReference<List<String>>() {})))
                .list();
    }
}
