package io.throughline.events.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the log's partitions ahead of time (this month and the next two, so an insert never finds no
 * partition) and applies retention: whole months older than the retention period are dropped, and
 * de-duplication keys older than their window are pruned.
 */
@Component
@EnableConfigurationProperties({EventsProperties.class, ClusterProperties.class})
class LogMaintenance {

    private static final Logger log = LoggerFactory.getLogger(LogMaintenance.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final JdbcClient jdbc;
    private final EventsProperties properties;
    private final Clock clock;

    LogMaintenance(JdbcClient jdbc, EventsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        ensurePartitions();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void maintain() {
        ensurePartitions();
        dropExpiredPartitions();
        int pruned = jdbc.sql("DELETE FROM events.dedup WHERE received_at < ?")
                .param(Timestamp.from(clock.instant().minus(properties.dedupWindow()))).update();
        if (pruned > 0) {
            log.info("Pruned {} de-duplication keys older than {}", pruned, properties.dedupWindow());
        }
    }

    void ensurePartitions() {
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (int ahead = 0; ahead <= 2; ahead++) {
            YearMonth month = current.plusMonths(ahead);
            LocalDate from = month.atDay(1);
            LocalDate to = month.plusMonths(1).atDay(1);
            jdbc.sql("CREATE TABLE IF NOT EXISTS events.event_" + month.format(SUFFIX)
                    + " PARTITION OF events.event FOR VALUES FROM ('" + from + "') TO ('" + to + "')").update();
        }
    }

    void dropExpiredPartitions() {
        YearMonth oldestKept = YearMonth.from(clock.instant().minus(properties.retention()).atZone(ZoneOffset.UTC));
        List<String> partitions = jdbc.sql("""
                SELECT child.relname FROM pg_inherits
                JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                JOIN pg_namespace ns ON ns.oid = parent.relnamespace
                WHERE ns.nspname = 'events' AND parent.relname = 'event'""").query(String.class).list();
        for (String partition : partitions) {
            YearMonth month = YearMonth.parse(partition.substring("event_".length()), SUFFIX);
            if (month.isBefore(oldestKept)) {
                jdbc.sql("DROP TABLE events." + partition).update();
                log.info("Dropped event partition {} (retention {})", partition, properties.retention());
            }
        }
    }
}
