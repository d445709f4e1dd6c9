package io.throughline.catalog.internal;

import io.throughline.catalog.CatalogueImports;
import io.throughline.catalog.ImportJob;
import io.throughline.catalog.ImportReport;
import io.throughline.catalog.ImportRowError;
import io.throughline.catalog.ImportStatus;
import io.throughline.catalog.ProductRow;
import io.throughline.catalog.internal.ProductRowRules.CheckedRow;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.platform.PagedQuery;
import io.throughline.platform.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV imports in the background, one at a time (they compete for the same disk), in batches of
 * {@value #BATCH} rows each committed on its own: a failure late in a file keeps what was loaded before it,
 * and progress is visible while the file loads. A batch that the database refuses as a whole (two rows racing
 * for one GTIN) is retried row by row, so that only the guilty rows are reported.
 */
@Service
class JdbcCatalogueImports implements CatalogueImports, DisposableBean {

    static final int BATCH = 2_000;
    static final int MAX_CSV_CHARS = 64 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(JdbcCatalogueImports.class);
    private static final String COLUMNS =
            "id, status, file_name, total_rows, rows_done, rows_loaded, rows_failed, failure, created_at, finished_at";

    private final JdbcClient jdbc;
    private final ProductBatchWriter writer;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("catalog-import").daemon(true).factory());

    JdbcCatalogueImports(JdbcClient jdbc, ProductBatchWriter writer, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    /**
     * An import that was running when the platform stopped will not resume; say so rather than show it running.
     * (With several nodes, this would also end imports running on another node: imports belong on one node.)
     */
    @EventListener(ApplicationStartedEvent.class)
    void endInterruptedImports() {
        jdbc.sql("""
                UPDATE catalog.import_job SET status = ?, failure = 'The platform stopped during the import; import the file again',
                    finished_at = ? WHERE status = ?""")
                .params(ImportStatus.FAILED.name(), Rows.timestamp(clock.instant()), ImportStatus.RUNNING.name())
                .update();
    }

    @Override
    public ImportJob start(String fileName, String csv) {
        if (csv.length() > MAX_CSV_CHARS) {
            throw new InvalidRequestException("file", "must be at most 64 MiB");
        }
        CsvProductRows.checkHeader(csv);
        UUID id = Ids.newId(clock);
        jdbc.sql("INSERT INTO catalog.import_job (id, status, file_name, created_at) VALUES (?, ?, ?, ?)")
                .params(id, ImportStatus.RUNNING.name(), fileName.isBlank() ? "upload.csv" : fileName, Rows.timestamp(clock.instant())).update();
        worker.execute(() -> run(id, csv));
        return get(id);
    }

    private void run(UUID id, String csv) {
        long started = System.nanoTime();
        try {
            List<CsvProductRows.Parsed> parsed = new ArrayList<>();
            CsvProductRows.parse(csv, parsed::add);
            jdbc.sql("UPDATE catalog.import_job SET total_rows = ? WHERE id = ?").params(parsed.size(), id).update();
            ProductRowRules rules = new ProductRowRules(categoryIdsByPath());
            int loaded = 0;
            for (int from = 0; from < parsed.size(); from += BATCH) {
                List<CsvProductRows.Parsed> slice = parsed.subList(from, Math.min(parsed.size(), from + BATCH));
                List<ImportRowError> errors = new ArrayList<>();
                List<CheckedRow> rows = new ArrayList<>();
                for (CsvProductRows.Parsed line : slice) {
                    switch (line) {
                        case CsvProductRows.Refused refused -> errors.add(refused.error());
                        case CsvProductRows.Row row -> check(rules, row.row(), rows::add, errors::add);
                    }
                }
                int written = writeBatch(rows, errors);
                loaded += written;
                int done = slice.size();
                transactions.executeWithoutResult(status -> {
                    saveErrors(id, errors);
                    jdbc.sql("""
                            UPDATE catalog.import_job SET rows_done = rows_done + ?, rows_loaded = rows_loaded + ?,
                                rows_failed = rows_failed + ? WHERE id = ?""")
                            .params(done, written, errors.size(), id).update();
                });
            }
            Instant finished = clock.instant();
            int totalLoaded = loaded;
            log.info("Catalogue import {} finished: {} of {} rows loaded in {} ms", id, loaded, parsed.size(),
                    (System.nanoTime() - started) / 1_000_000);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("UPDATE catalog.import_job SET status = ?, finished_at = ? WHERE id = ?")
                        .params(ImportStatus.COMPLETED.name(), Rows.timestamp(finished), id).update();
                events.publishEvent(new ProductsImported(id, totalLoaded, finished));
            });
        } catch (RuntimeException failure) {
            log.error("Catalogue import {} failed", id, failure);
            jdbc.sql("UPDATE catalog.import_job SET status = ?, failure = ?, finished_at = ? WHERE id = ?")
                    .params(ImportStatus.FAILED.name(), "The import stopped unexpectedly: " + failure.getClass().getSimpleName(),
                            Rows.timestamp(clock.instant()), id)
                    .update();
        }
    }

    @Override
    public ImportReport load(List<ProductRow> rows) {
        ProductRowRules rules = new ProductRowRules(categoryIdsByPath());
        List<ImportRowError> errors = new ArrayList<>();
        int loaded = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<CheckedRow> checked = new ArrayList<>();
            for (ProductRow row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                check(rules, row, checked::add, errors::add);
            }
            loaded += writeBatch(checked, errors);
        }
        errors.sort(java.util.Comparator.comparingLong(ImportRowError::line));
        return new ImportReport(loaded, errors);
    }

    private static void check(ProductRowRules rules, ProductRow row, Consumer<CheckedRow> accepted,
            Consumer<ImportRowError> refused) {
        switch (rules.check(row)) {
            case ProductRowRules.Accepted ok -> accepted.accept(ok.row());
            case ProductRowRules.Refused no -> refused.accept(no.error());
        }
    }

    /** Writes the rows in one transaction, or row by row when the batch is refused; returns how many were stored. */
    private int writeBatch(List<CheckedRow> rows, List<ImportRowError> errors) {
        try {
            List<ImportRowError> refused = transactions.execute(status -> writer.write(rows));
            errors.addAll(refused);
            return rows.size() - refused.size();
        } catch (DataAccessException batchRefused) {
            int written = 0;
            for (CheckedRow row : rows) {
                try {
                    List<ImportRowError> refused = transactions.execute(status -> writer.write(List.of(row)));
                    errors.addAll(refused);
                    written += refused.isEmpty() ? 1 : 0;
                } catch (DataAccessException rowRefused) {
                    errors.add(new ImportRowError(row.line(), row.sku().value(), "sku",
                            "could not be stored: its SKU or GTIN clashes with another product"));
                }
            }
            return written;
        }
    }

    private void saveErrors(UUID id, List<ImportRowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO catalog.import_error (import_id, line, sku, field, reason)
                SELECT ?, * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT DO NOTHING""")
                .params(id, errors.stream().map(ImportRowError::line).toArray(Long[]::new),
                        errors.stream().map(ImportRowError::sku).toArray(String[]::new),
                        errors.stream().map(ImportRowError::field).toArray(String[]::new),
                        errors.stream().map(ImportRowError::reason).toArray(String[]::new))
                .update();
    }

    private Map<String, UUID> categoryIdsByPath() {
        return jdbc.sql("SELECT path, id FROM catalog.category")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public ImportJob get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.import_job WHERE id = ?").param(id)
                .query(JdbcCatalogueImports::job).optional().orElseThrow(() -> new NotFoundException("Import", id));
    }

    @Override
    public Page<ImportJob> list(PageRequest page) {
        return new PagedQuery(COLUMNS, "FROM catalog.import_job", "created_at DESC, id DESC")
                .read(jdbc, page, JdbcCatalogueImports::job);
    }

    @Override
    public Page<ImportRowError> errors(UUID id, PageRequest page) {
        // The job counts its failed rows, so the page needs no count of its own.
        ImportJob job = get(id);
        List<ImportRowError> items = jdbc.sql("""
                SELECT line, sku, field, reason FROM catalog.import_error WHERE import_id = ?
                ORDER BY line LIMIT ? OFFSET ?""").params(id, page.size(), page.offset())
                .query((rs, n) -> new ImportRowError(rs.getLong("line"), rs.getString("sku"), rs.getString("field"),
                        rs.getString("reason")))
                .list();
        return new Page<>(items, page.page(), page.size(), job.rowsFailed());
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        return new ImportJob(Rows.uuid(rs, "id"), Rows.enumOf(rs, "status", ImportStatus.class),
                rs.getString("file_name"), rs.getInt("total_rows"), rs.getInt("rows_done"), rs.getInt("rows_loaded"),
                rs.getInt("rows_failed"), rs.getString("failure"), Rows.instant(rs, "created_at"),
                Rows.instantOrNull(rs, "finished_at"));
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
