package io.throughline.imports.internal;

import io.throughline.imports.ImportLineError;
import io.throughline.imports.ImportState;
import io.throughline.imports.OrderHistoryImported;
import io.throughline.imports.OrderImport;
import io.throughline.imports.OrderImportMapping;
import io.throughline.platform.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads import files on one background thread, one import after another, in batches of about {@value #BATCH_LINES}
 * lines, each committed with the line up to which the file is settled. An import still running when the process
 * stopped (or was killed) is resumed at start after that line; the numbers already imported make a half-written
 * batch impossible to import twice anyway.
 */
@Component
class ImportRunner implements DisposableBean {

    static final int BATCH_LINES = 2_000;
    /** How far back in the file a batch leaves the documents it last saw lines of, for lines of theirs still to come. */
    static final int HOLD_LINES = 500;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportStore store;
    private final BatchWriter writer;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("order-import").daemon(true).factory());

    ImportRunner(ImportStore store, BatchWriter writer, TransactionTemplate transactions,
            ApplicationEventPublisher publisher, JsonMapper json, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.transactions = transactions;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (ImportStore.Unfinished unfinished : store.unfinished()) {
            log.info("Resuming order import {} after line {}", unfinished.id(), unfinished.linesRead());
            submit(unfinished.id(), Path.of(unfinished.storedPath()),
                    json.readValue(unfinished.mapping(), OrderImportMapping.class), unfinished.linesRead());
        }
    }

    void submit(UUID id, Path file, OrderImportMapping mapping, long after) {
        worker.execute(() -> run(new ImportRun(id, mapping), file, after));
    }

    private void run(ImportRun run, Path file, long after) {
        long started = System.nanoTime();
        try (ImportFile input = ImportFile.open(file, MappingCheck.charset(run.mapping))) {
            boolean ended = ImportReading.read(input, run.mapping, clock.instant(), after, BATCH_LINES, HOLD_LINES,
                    (batch, bytes) -> {
                        flush(run, batch, bytes);
                        return !Thread.currentThread().isInterrupted();
                    });
            if (!ended) {
                log.info("Order import {} stops with the process; it resumes at the next start", run.id);
                return;
            }
            finish(run, ImportState.DONE, null);
            log.info("Order import {} done in {} ms", run.id, (System.nanoTime() - started) / 1_000_000);
        } catch (InvalidRequestException refused) {
            finish(run, ImportState.FAILED, refused.field() + " " + refused.reason());
        } catch (IOException | RuntimeException failure) {
            // The message may quote the file; only the kind of failure goes to the log and the import.
            log.error("Order import {} failed: {}", run.id, failure.getClass().getSimpleName());
            finish(run, ImportState.FAILED, "the file could not be read to its end ("
                    + failure.getClass().getSimpleName() + "); what was read before is imported");
        }
        deleteQuietly(file);
    }

    /**
     * Writes the batch with its errors. When the batch as a whole is refused, each document is written on its own, so
     * one bad order costs only its own lines.
     */
    private void flush(ImportRun run, BatchGathering.Batch batch, long bytes) {
        List<ImportLineError> due = new ArrayList<>(batch.errors());
        try {
            learn(run, writer.write(run, batch.documents(), due, batch.settled(), bytes));
        } catch (RuntimeException refused) {
            log.warn("Order import {}: a batch was refused ({}); writing its orders one by one", run.id,
                    refused.getClass().getSimpleName());
            for (Document document : batch.documents()) {
                List<ImportLineError> before = new ArrayList<>();
                for (Iterator<ImportLineError> it = due.iterator(); it.hasNext(); ) {
                    ImportLineError error = it.next();
                    if (error.line() < document.firstLine()) {
                        before.add(error);
                        it.remove();
                    }
                }
                try {
                    learn(run, writer.write(run, List.of(document), before, document.firstLine() - 1, 0));
                } catch (RuntimeException alone) {
                    List<ImportLineError> lines = new ArrayList<>(before);
                    String reason = alone instanceof InvalidRequestException invalid
                            ? invalid.field() + " " + invalid.reason() : "the order could not be recorded";
                    document.lines().forEach(line -> lines.add(new ImportLineError(line.line(), "order", reason)));
                    writer.write(run, List.of(), lines, document.firstLine() - 1, 0);
                }
            }
            writer.write(run, List.of(), due, batch.settled(), bytes);
        }
    }

    private static void learn(ImportRun run, BatchWriter.Written written) {
        run.products.putAll(written.products());
        run.channels.putAll(written.channels());
    }

    private void finish(ImportRun run, ImportState state, @Nullable String failure) {
        transactions.executeWithoutResult(status -> {
            store.finish(run.id, state, failure, clock.instant());
            OrderImport done = store.get(run.id);
            if (state == ImportState.DONE) {
                publisher.publishEvent(new OrderHistoryImported(run.id, done.ordersImported(), done.returnsImported(),
                        clock.instant()));
            }
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A file left behind is only disk space: the import is over either way.
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
