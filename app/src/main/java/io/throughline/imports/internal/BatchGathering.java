package io.throughline.imports.internal;

import io.throughline.imports.ImportLineError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the lines read into documents and the documents into batches to write. An order's lines need not be
 * together in the file: one sorted by time and then by number puts an order whose lines straddle a minute apart,
 * with other orders of that minute between its parts. So every line joins its document anywhere in the batch, and
 * a batch is cut only behind the documents touched in the last {@link #holdLines} lines, which wait for the next
 * batch with whatever else of them is still to come. What a batch holds, and its errors, is settled up to one line:
 * everything after it is read again after a restart, nothing before it is.
 *
 * <p>Memory stays bounded whatever the file: a batch is cut after about {@link #batchLines} lines or as many
 * errors, and a document stops growing at {@link #MAX_DOCUMENT_LINES} lines (a column mapped as the order number
 * that is not one would otherwise gather the whole file into one order).
 */
final class BatchGathering {

    static final int MAX_DOCUMENT_LINES = 10_000;

    /** A batch to write: its documents, the errors of lines up to {@code settled}, and that line. */
    record Batch(List<Document> documents, List<ImportLineError> errors, long settled) {}

    private record Key(String orderNumber, boolean returned) {}

    private final int batchLines;
    private final int holdLines;
    private final boolean prefixMarksReturns;
    private final Map<Key, Document> documents = new LinkedHashMap<>();
    private final List<ImportLineError> errors = new ArrayList<>();
    private int lines;
    /** Lines and errors a cut left for the next batch: a batch fills with as many again before the next cut. */
    private int heldLines;
    private int heldErrors;
    private long settled;

    BatchGathering(int batchLines, int holdLines, boolean prefixMarksReturns) {
        this.batchLines = batchLines;
        this.holdLines = holdLines;
        this.prefixMarksReturns = prefixMarksReturns;
    }

    void take(ImportedLine line) {
        Key key = new Key(line.orderNumber(), line.returned());
        Document document = documents.get(key);
        if (document == null) {
            documents.put(key, Document.of(line, prefixMarksReturns));
        } else if (document.lines().size() >= MAX_DOCUMENT_LINES) {
            errors.add(new ImportLineError(line.line(), "orderNumber", "belongs to an order of more than "
                    + MAX_DOCUMENT_LINES + " lines: is mapping.columns.orderNumber the order number?"));
            return;
        } else {
            document.lines().add(line);
        }
        lines++;
    }

    void refuse(List<ImportLineError> refused) {
        errors.addAll(refused);
    }

    void refuse(ImportLineError refused) {
        errors.add(refused);
    }

    /** A batch to write now that line {@code current} is read, or null while the batch is still filling. */
    @Nullable Batch ready(long current) {
        if (lines - heldLines < batchLines && errors.size() - heldErrors < batchLines) {
            return null;
        }
        // Many errors on few lines can fill a batch within the lines held back: it never settles less than before.
        Batch batch = cut(Math.max(current - holdLines, settled));
        heldLines = lines;
        heldErrors = errors.size();
        return batch;
    }

    /** Everything left, at the end of the file read up to line {@code last}. */
    Batch rest(long last) {
        Batch batch = new Batch(new ArrayList<>(documents.values()), new ArrayList<>(errors), last);
        settled = last;
        documents.clear();
        errors.clear();
        lines = 0;
        heldLines = 0;
        heldErrors = 0;
        return batch;
    }

    /**
     * Holds back the documents with a line after {@code after}, and any other whose lines reach past the first line
     * held back, so that the batch is settled up to the line before that one.
     */
    private Batch cut(long after) {
        long settled = after;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Document document : documents.values()) {
                if (document.lastLine() > settled && document.firstLine() - 1 < settled) {
                    settled = document.firstLine() - 1;
                    moved = true;
                }
            }
        }
        List<Document> due = new ArrayList<>();
        for (Iterator<Document> it = documents.values().iterator(); it.hasNext(); ) {
            Document document = it.next();
            if (document.lastLine() <= settled) {
                due.add(document);
                lines -= document.lines().size();
                it.remove();
            }
        }
        List<ImportLineError> settledErrors = new ArrayList<>();
        for (Iterator<ImportLineError> it = errors.iterator(); it.hasNext(); ) {
            ImportLineError error = it.next();
            if (error.line() <= settled) {
                settledErrors.add(error);
                it.remove();
            }
        }
        this.settled = settled;
        return new Batch(due, settledErrors, settled);
    }
}
