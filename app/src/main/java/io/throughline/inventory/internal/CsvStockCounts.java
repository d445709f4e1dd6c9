package io.throughline.inventory.internal;

import io.throughline.catalog.Sku;
import io.throughline.inventory.internal.CountImportReport.RowError;
import io.throughline.inventory.StockLedger;
import io.throughline.inventory.StockLocation;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.ThroughlineException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/** Applies each good row as a COUNT movement in its own transaction and reports every bad one by line. */
@Service
class CsvStockCounts implements StockCounts {

    static final int MAX_ROWS = 100_000;
    private static final Set<String> COLUMNS = Set.of("sku", "location", "counted");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true).get();

    private final StockLedger ledger;
    private final JdbcStockLocations locations;

    CsvStockCounts(StockLedger ledger, JdbcStockLocations locations) {
        this.ledger = ledger;
        this.locations = locations;
    }

    @Override
    public CountImportReport importCsv(Reader csv) {
        List<RowError> errors = new ArrayList<>();
        int applied = 0;
        Map<String, Optional<StockLocation>> byCode = new HashMap<>();
        try (CSVParser parser = FORMAT.parse(csv)) {
            var header = parser.getHeaderMap().keySet().stream().map(String::toLowerCase).toList();
            if (!header.containsAll(COLUMNS)) {
                errors.add(new RowError(1, "header", "must name the columns sku, location and counted"));
                return new CountImportReport(0, errors);
            }
            long line = 1;
            try {
                for (CSVRecord row : parser) {
                    // The parser's line number is past the record just read; a quoted field may span lines.
                    line = parser.getCurrentLineNumber();
                    if (row.getRecordNumber() > MAX_ROWS) {
                        errors.add(new RowError(line, "file", "has more than " + MAX_ROWS + " rows; split it"));
                        break;
                    }
                    try {
                        apply(row, byCode);
                        applied++;
                    } catch (InvalidRequestException invalid) {
                        errors.add(new RowError(line, invalid.field(), invalid.reason()));
                    } catch (ThroughlineException refused) {
                        errors.add(new RowError(line, "row", refused.getMessage()));
                    }
                }
            } catch (UncheckedIOException | IllegalStateException malformed) {
                errors.add(new RowError(line + 1, "file", "is not valid CSV from here on: "
                        + rootMessage(malformed)));
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            errors.add(new RowError(1, "header", "could not be read: " + rootMessage(unreadable)));
        }
        return new CountImportReport(applied, errors);
    }

    private void apply(CSVRecord row, Map<String, Optional<StockLocation>> byCode) {
        Map<String, String> values = new HashMap<>();
        row.toMap().forEach((key, value) -> values.put(key.toLowerCase(), value));
        Sku sku = new Sku(values.getOrDefault("sku", ""));
        String code = values.getOrDefault("location", "");
        StockLocation location = byCode.computeIfAbsent(code, locations::findByCode)
                .orElseThrow(() -> new InvalidRequestException("location", "names no stock location: " + code));
        int counted;
        try {
            counted = Integer.parseInt(values.getOrDefault("counted", ""));
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("counted", "must be a whole number of units");
        }
        ledger.count(sku, location.id(), counted, "count import");
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
