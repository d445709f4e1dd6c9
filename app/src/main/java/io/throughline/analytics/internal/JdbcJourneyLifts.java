package io.throughline.analytics.internal;

import io.throughline.analytics.JourneyLifts;
import io.throughline.analytics.Period;
import io.throughline.analytics.internal.lift.LiftEstimate;
import io.throughline.journeys.JourneyEntrants;
import io.throughline.journeys.Journeys;
import io.throughline.platform.InvalidRequestException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lift from the journey's entrants (through the journeys API) and the order facts after each entry. */
@Service
class JdbcJourneyLifts implements JourneyLifts {

    static final int MAX_ENTRANTS = 1_000_000;

    private final JourneyEntrants entrants;
    private final Journeys journeys;
    private final JdbcClient jdbc;

    JdbcJourneyLifts(JourneyEntrants entrants, Journeys journeys, JdbcClient jdbc) {
        this.entrants = entrants;
        this.journeys = journeys;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public JourneyLift lift(String journeyKey, Period period, Duration window, String currency) {
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(365)) > 0) {
            throw new InvalidRequestException("windowDays", "must be 1 to 365 days");
        }
        journeys.get(journeyKey);
        List<JourneyEntrants.Entrant> entered = entrants.entered(journeyKey, period.from(), period.to(),
                MAX_ENTRANTS + 1);
        if (entered.size() > MAX_ENTRANTS) {
            throw new InvalidRequestException("from", "more than " + MAX_ENTRANTS + " entries; ask a shorter period");
        }
        long[] counts = new long[4];
        jdbc.sql("""
                SELECT e.held_out, count(*) AS entrants,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM analytics.order_fact o
                           WHERE o.profile_id = e.profile_id AND NOT o.cancelled AND o.currency = :currency
                             AND o.occurred_at > e.entered_at
                             AND o.occurred_at <= e.entered_at + make_interval(secs => :window))) AS converted
                FROM unnest(CAST(:profiles AS uuid[]), CAST(:entered AS timestamptz[]), CAST(:held AS boolean[]))
                     AS e(profile_id, entered_at, held_out)
                GROUP BY e.held_out""")
                .param("currency", currency).param("window", (double) window.toSeconds())
                .param("profiles", entered.stream().map(JourneyEntrants.Entrant::profileId)
                        .toArray(java.util.UUID[]::new))
                .param("entered", entered.stream().map(entrant -> Timestamp.from(entrant.enteredAt()))
                        .toArray(Timestamp[]::new))
                .param("held", entered.stream().map(JourneyEntrants.Entrant::heldOut).toArray(Boolean[]::new))
                .query(rs -> {
                    int at = rs.getBoolean("held_out") ? 2 : 0;
                    counts[at] = rs.getLong("entrants");
                    counts[at + 1] = rs.getLong("converted");
                });
        LiftEstimate estimate = LiftEstimate.of(counts[0], counts[1], counts[2], counts[3]);
        return new JourneyLift(journeyKey, period, window, estimate.treated(), estimate.treatedConverted(),
                estimate.heldOut(), estimate.heldOutConverted(), estimate.treatedRate(), estimate.heldOutRate(),
                estimate.lift(), estimate.low(), estimate.high());
    }
}
