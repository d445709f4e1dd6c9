package io.throughline.analytics;

import java.io.Reader;
import java.util.List;

/** Marketing spend per month, channel and campaign, for CAC and marketing ROI. */
public interface MarketingSpend {

    /** Records the lines; a line for a month, channel, campaign and currency already recorded replaces it. */
    void record(List<SpendLine> lines);

    /**
     * Reads a CSV with the columns {@code month,channel,campaign,amount,currency}, records every good row and reports
     * each bad one by its line and column.
     */
    SpendImport importCsv(Reader csv);

    /** Spend of the query's months (each month the period touches), in its currency, on its channel if one. */
    long totalMinor(KpiQuery query);

    /** Spend per channel key over the query's months. */
    java.util.Map<String, Long> byChannel(KpiQuery query);

    /** How an import went: the rows recorded and the rows refused. */
    record SpendImport(int recorded, List<RowError> errors) {

        /** A refused row: its line in the file (1 is the header) and the column at fault. */
        public record RowError(long line, String field, String reason) {}
    }
}
