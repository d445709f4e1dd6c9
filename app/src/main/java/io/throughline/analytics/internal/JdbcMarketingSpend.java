package io.throughline.analytics.internal;

import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.MarketingSpend;
import io.throughline.analytics.SpendLine;
import io.throughline.platform.Money;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Rows;
import io.throughline.tracking.Channels;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spend lines in {@code analytics.spend}, one row per month, channel, campaign and currency. */
@Service
class JdbcMarketingSpend implements MarketingSpend {

    static final int MAX_ROWS = 50_000;
    private static final List<String> COLUMNS = List.of("month", "channel", "campaign", "amount", "currency");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();

    private final JdbcClient jdbc;
    private final Channels channels;
    private final Clock clock;
    private final BrandCalendar calendar;

    JdbcMarketingSpend(JdbcClient jdbc, Channels channels, Clock clock, BrandCalendar calendar) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    @Transactional
    public void record(List<SpendLine> lines) {
        for (SpendLine line : lines) {
            jdbc.sql("""
                    INSERT INTO analytics.spend (month, channel, campaign, currency, amount_minor, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (month, channel, campaign, currency) DO UPDATE
                    SET amount_minor = excluded.amount_minor, recorded_at = excluded.recorded_at""")
                    .params(Date.valueOf(line.month().atDay(1)), line.channel().key(), line.campaign(),
                            line.amount().currency(), line.amount().minor(), Rows.timestamp(clock.instant()))
                    .update();
        }
    }

    @Override
    @Transactional
    public SpendImport importCsv(Reader csv) {
        List<SpendImport.RowError> errors = new ArrayList<>();
        List<SpendLine> good = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(csv)) {
            List<String> header = parser.getHeaderNames().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
            if (!Set.copyOf(header).containsAll(COLUMNS)) {
                throw new InvalidRequestException("header",
                        "must name the columns month, channel, campaign, amount and currency; it names " + header);
            }
            long line = 1;
            try {
                for (CSVRecord row : parser) {
                    line = parser.getCurrentLineNumber();
                    if (row.getRecordNumber() > MAX_ROWS) {
                        errors.add(new SpendImport.RowError(line, "file", "has more than " + MAX_ROWS + " rows"));
                        break;
                    }
                    try {
                        good.add(line(row));
                    } catch (InvalidRequestException invalid) {
                        errors.add(new SpendImport.RowError(line, invalid.field(), invalid.reason()));
                    }
                }
            } catch (UncheckedIOException | IllegalStateException malformed) {
                errors.add(new SpendImport.RowError(line + 1, "file", "is not valid CSV from here on"));
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new InvalidRequestException("header", "could not be read as CSV");
        }
        record(good);
        return new SpendImport(good.size(), errors);
    }

    private SpendLine line(CSVRecord row) {
        Map<String, String> values = new HashMap<>();
        row.toMap().forEach((key, value) -> values.put(key.toLowerCase(Locale.ROOT), value == null ? "" : value));
        YearMonth month;
        try {
            month = YearMonth.parse(values.getOrDefault("month", ""));
        } catch (DateTimeParseException notAMonth) {
            throw new InvalidRequestException("month", "must be a month such as 2026-03");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(values.getOrDefault("amount", ""));
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("amount", "must be a decimal amount such as 1250.00");
        }
        if (amount.signum() < 0) {
            throw new InvalidRequestException("amount", "must not be negative");
        }
        return new SpendLine(month, channels.resolve(values.getOrDefault("channel", "")),
                values.getOrDefault("campaign", ""),
                Money.of(amount, values.getOrDefault("currency", "").toUpperCase(Locale.ROOT)));
    }

    @Override
    public long totalMinor(KpiQuery query) {
        return byChannel(query).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public Map<String, Long> byChannel(KpiQuery query) {
        LocalDate first = calendar.month(query.period().from()).atDay(1);
        LocalDate end = calendar.day(query.period().to());
        Map<String, Long> spend = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT channel, sum(amount_minor) AS amount FROM analytics.spend
                WHERE currency = :currency AND month >= :first AND month < :end
                  AND (CAST(:channel AS text) IS NULL OR channel = :channel)
                GROUP BY channel ORDER BY channel""")
                .param("currency", query.currency()).param("first", Date.valueOf(first))
                .param("end", Date.valueOf(end)).param("channel", query.channelKey(), Types.VARCHAR)
                .query((rs, n) -> spend.put(rs.getString("channel"), rs.getLong("amount"))).list();
        return spend;
    }
}
