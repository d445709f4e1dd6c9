package io.throughline.loyalty.internal;

import static io.throughline.platform.Rows.timestamp;

import io.throughline.platform.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the programme owes its members and how points move: read from the ledger's books, never from a copy. */
@Component
class LiabilityFigures {

    /** Points earned and spent through one channel (null: staff adjustments and the platform). */
    record ChannelFigures(@Nullable String channel, long earned, long redeemed) {}

    /**
     * @param outstanding     points members hold, less what they owe
     * @param value           what those points are worth when spent, per currency of the programme
     * @param expiring90Days  points in lots that expire within 90 days
     * @param redemptionRate  points redeemed over points issued, net of reversals and refunds
     */
    record Figures(long outstanding, List<Money> value, long expiring90Days, long issued, long redeemed,
            long expired, long adjusted, double redemptionRate, List<ChannelFigures> byChannel, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    LiabilityFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Figures now() {
        Instant now = clock.instant();
        long held = jdbc.sql("SELECT coalesce(sum(remaining), 0) FROM loyalty.lot WHERE remaining > 0")
                .query(Long.class).single();
        long owed = jdbc.sql("SELECT coalesce(sum(owed), 0) FROM loyalty.account").query(Long.class).single();
        long expiring = jdbc.sql("SELECT coalesce(sum(remaining), 0) FROM loyalty.lot WHERE remaining > 0 "
                + "AND expires_at < ?").param(timestamp(now.plus(Duration.ofDays(90)))).query(Long.class).single();
        long[] books = new long[4];
        jdbc.sql("SELECT book, coalesce(sum(points), 0) AS points FROM loyalty.entry WHERE book <> 'MEMBER' "
                + "GROUP BY book").query(rs -> {
                    // The programme's side carries the opposite sign of what the members got.
                    long points = rs.getLong("points");
                    switch (Book.valueOf(rs.getString("book"))) {
                        case ISSUED -> books[0] = -points;
                        case REDEEMED -> books[1] = points;
                        case EXPIRED -> books[2] = points;
                        case ADJUSTED -> books[3] = -points;
                        case MEMBER -> { }
                    }
                });
        long outstanding = held - owed;
        List<Money> value = new ArrayList<>();
        jdbc.sql("SELECT currency, minor_per_point FROM loyalty.point_value ORDER BY currency")
                .query(rs -> { value.add(new Money(outstanding * rs.getLong("minor_per_point"),
                        rs.getString("currency"))); });
        List<ChannelFigures> byChannel = jdbc.sql("""
                SELECT channel, coalesce(sum(points) FILTER (WHERE kind = 'EARNED'), 0) AS earned,
                       coalesce(-sum(points) FILTER (WHERE kind = 'REDEEMED'), 0) AS redeemed
                FROM loyalty.movement WHERE kind IN ('EARNED', 'REDEEMED') GROUP BY channel ORDER BY channel""")
                .query((rs, n) -> new ChannelFigures(rs.getString("channel"), rs.getLong("earned"),
                        rs.getLong("redeemed"))).list();
        double rate = books[0] <= 0 ? 0 : (double) books[1] / books[0];
        return new Figures(outstanding, value, expiring, books[0], books[1], books[2], books[3], rate, byChannel,
                now);
    }
}
