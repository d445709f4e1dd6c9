package io.throughline.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The contact centre's figures over days (in the brand's zone), per agent or per medium, read from daily totals
 * kept as cases are resolved and surveys answered, so a report costs a few rows per day whatever the volume.
 */
public interface ServiceReports {

    /** The days {@code [from, to]}, a row per agent (the nil id: cases nobody held) or per medium, and all. */
    Report report(LocalDate from, LocalDate to);

    record Report(LocalDate from, LocalDate to, Figures total, List<AgentFigures> agents,
            List<MediumFigures> media) {

        public Report {
            agents = List.copyOf(agents);
            media = List.copyOf(media);
        }
    }

    record AgentFigures(UUID agentId, Figures figures) {}

    record MediumFigures(Medium medium, Figures figures) {}

    /**
     * @param averageFirstResponseSeconds from opening (or reopening) to the first human answer, of the resolved
     *                                    cases that had one
     * @param averageHandlingSeconds      from opening (or reopening) to resolution
     * @param slaMetPercent               resolved cases that kept both targets, in percent
     * @param csatAverage                 the surveys' mean score, 1 to 5
     */
    record Figures(long resolved, @Nullable Long averageFirstResponseSeconds, @Nullable Long averageHandlingSeconds,
            @Nullable Double slaMetPercent, long csatAnswers, @Nullable Double csatAverage) {}
}
