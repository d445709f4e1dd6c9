package io.throughline.service.internal;

import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Rows;
import io.throughline.service.Medium;
import io.throughline.service.ServiceReports;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The reports from the daily totals: one grouped statement over the days asked for. */
@Service
class JdbcServiceReports implements ServiceReports {

    private static final String FIGURES = """
            sum(resolved) AS resolved, sum(first_responses) AS first_responses,
            sum(first_response_seconds) AS first_response_seconds, sum(handling_seconds) AS handling_seconds,
            sum(sla_decided) AS sla_decided, sum(sla_met) AS sla_met, sum(csat_answers) AS csat_answers,
            sum(csat_sum) AS csat_sum""";

    private final JdbcClient jdbc;

    JdbcServiceReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Report report(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (to.isAfter(from.plusYears(3))) {
            throw new InvalidRequestException("to", "a report covers at most three years");
        }
        Figures total = new Figures(0, null, null, null, 0, null);
        List<AgentFigures> agents = new ArrayList<>();
        List<MediumFigures> media = new ArrayList<>();
        // One pass: the grouping sets give the per-agent rows, the per-medium rows and the total at once.
        List<Object[]> rows = jdbc.sql("SELECT agent_id, medium, GROUPING(agent_id) AS by_agent, "
                        + "GROUPING(medium) AS by_medium, " + FIGURES + """
                 FROM service.report_day WHERE day BETWEEN ? AND ?
                GROUP BY GROUPING SETS ((agent_id), (medium), ())""")
                .params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to))
                .query((rs, row) -> new Object[] {rs.getInt("by_agent"), rs.getInt("by_medium"),
                        Rows.uuidOrNull(rs, "agent_id"), rs.getString("medium"), figures(rs)}).list();
        for (Object[] row : rows) {
            Figures figures = (Figures) row[4];
            if ((int) row[0] == 1 && (int) row[1] == 1) {
                total = figures;
            } else if ((int) row[0] == 0) {
                agents.add(new AgentFigures((java.util.UUID) row[2], figures));
            } else {
                media.add(new MediumFigures(Medium.valueOf((String) row[3]), figures));
            }
        }
        agents.sort(java.util.Comparator.comparing((AgentFigures a) -> -a.figures().resolved())
                .thenComparing(AgentFigures::agentId));
        media.sort(java.util.Comparator.comparing(MediumFigures::medium));
        return new Report(from, to, total, agents, media);
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        long resolved = rs.getLong("resolved");
        long firstResponses = rs.getLong("first_responses");
        long decided = rs.getLong("sla_decided");
        long answers = rs.getLong("csat_answers");
        return new Figures(resolved, average(rs.getLong("first_response_seconds"), firstResponses),
                average(rs.getLong("handling_seconds"), resolved),
                decided == 0 ? null : Math.round(1000.0 * rs.getLong("sla_met") / decided) / 10.0, answers,
                answers == 0 ? null : Math.round(100.0 * rs.getLong("csat_sum") / answers) / 100.0);
    }

    private static @Nullable Long average(long sum, long count) {
        return count == 0 ? null : Math.round((double) sum / count);
    }
}
