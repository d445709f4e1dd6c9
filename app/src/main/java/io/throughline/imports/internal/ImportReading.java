package io.throughline.imports.internal;

import io.throughline.imports.ImportLineError;
import io.throughline.imports.OrderImportMapping;
import io.throughline.platform.InvalidRequestException;
import java.time.Instant;
import java.util.List;

/**
 * An import file read from its header to its end into batches of orders and line errors, a line at a time: what
 * it keeps is the batch being gathered, never the file, so a file of gigabytes reads in the memory of a small one.
 */
final class ImportReading {

    /** Takes each batch as it is ready; answers false to stop reading (the process is stopping). */
    interface Batches {
        boolean write(BatchGathering.Batch batch, long bytesRead);
    }

    private ImportReading() {}

    /**
     * Reads the lines after {@code after} (those up to it were settled before) and hands over the batches.
     *
     * @return whether the file was read to its end
     */
    static boolean read(ImportFile input, OrderImportMapping mapping, Instant now, long after, int batchLines,
            int holdLines, Batches batches) {
        CsvRecords records = new CsvRecords(input.reader());
        CsvRecords.Record header = records.next();
        if (header == null || header.fields() == null) {
            throw new InvalidRequestException("file", "has no header line");
        }
        LineRules rules = new LineRules(mapping, header.fields(), input.charset(), now);
        boolean prefixMarksReturns = mapping.cancellationPrefix() != null && !mapping.cancellationPrefix().isEmpty();
        BatchGathering gathering = new BatchGathering(batchLines, holdLines, prefixMarksReturns);
        long last = header.line();
        for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
            last = record.line();
            if (record.line() <= after) {
                continue;
            }
            if (record.fields() == null) {
                gathering.refuse(new ImportLineError(record.line(), "line", record.malformed()));
            } else {
                switch (rules.read(record.line(), record.fields())) {
                    case LineRules.Taken(ImportedLine line) -> gathering.take(line);
                    case LineRules.Refused(List<ImportLineError> refused) -> gathering.refuse(refused);
                }
            }
            BatchGathering.Batch batch = gathering.ready(record.line());
            if (batch != null && !batches.write(batch, input.bytesRead())) {
                return false;
            }
        }
        return batches.write(gathering.rest(last), input.bytesRead());
    }
}
