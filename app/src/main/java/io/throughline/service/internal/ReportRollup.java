package io.throughline.service.internal;

import io.throughline.platform.Rows;
import io.throughline.service.Conversation;
import io.throughline.service.Medium;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the reports' daily totals ({@code service.report_day}) in the caller's transaction: a resolution adds its
 * first-response and handling times and whether it kept its targets, a survey answer its score. Each is one
 * upsert of one row, so concurrent resolutions only meet on the row of their day, medium and agent.
 */
@Component
class ReportRollup {

    static final UUID NOBODY = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final ZoneId brandZone;

    ReportRollup(JdbcClient jdbc, @Value("${throughline.console.time-zone:UTC}") ZoneId brandZone) {
        this.jdbc = jdbc;
        this.brandZone = brandZone;
    }

    void resolved(Conversation resolved, Instant slaStartedAt, Instant at) {
        Instant answered = resolved.firstResponseAt();
        Boolean firstMet = resolved.firstResponseMet(at);
        Boolean resolutionMet = resolved.resolutionMet(at);
        boolean decided = firstMet != null && resolutionMet != null;
        add(day(at), resolved.medium(), resolved.assigneeId(), 1, answered == null ? 0 : 1,
                answered == null ? 0 : seconds(slaStartedAt, answered), seconds(slaStartedAt, at), decided ? 1 : 0,
                decided && firstMet && resolutionMet ? 1 : 0, 0, 0);
    }

    void answered(Medium medium, @Nullable UUID agentId, Instant at, int score) {
        add(day(at), medium, agentId, 0, 0, 0, 0, 0, 0, 1, score);
    }

    LocalDate day(Instant at) {
        return at.atZone(brandZone).toLocalDate();
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    private void add(LocalDate day, Medium medium, @Nullable UUID agentId, int resolved, int firstResponses,
            long firstResponseSeconds, long handlingSeconds, int slaDecided, int slaMet, int csatAnswers,
            int csatSum) {
        jdbc.sql("""
                INSERT INTO service.report_day AS r (day, medium, agent_id, resolved, first_responses,
                    first_response_seconds, handling_seconds, sla_decided, sla_met, csat_answers, csat_sum)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, medium, agent_id) DO UPDATE SET resolved = r.resolved + excluded.resolved,
                    first_responses = r.first_responses + excluded.first_responses,
                    first_response_seconds = r.first_response_seconds + excluded.first_response_seconds,
                    handling_seconds = r.handling_seconds + excluded.handling_seconds,
                    sla_decided = r.sla_decided + excluded.sla_decided, sla_met = r.sla_met + excluded.sla_met,
                    csat_answers = r.csat_answers + excluded.csat_answers, csat_sum = r.csat_sum + excluded.csat_sum""")
                .params(java.sql.Date.valueOf(day), medium.name(), agentId == null ? NOBODY : agentId, resolved,
                        firstResponses, firstResponseSeconds, handlingSeconds, slaDecided, slaMet, csatAnswers,
                        csatSum)
                .update();
    }
}
