package io.throughline.imports.internal;

import io.throughline.imports.ImportLineError;
import io.throughline.imports.OrderImport;
import io.throughline.imports.OrderImportMapping;
import io.throughline.imports.OrderImports;
import io.throughline.platform.Ids;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import io.throughline.tracking.Channels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starting an import: the mapping checked on its own and against the file's header, the file kept in the imports
 * directory (it holds customers' identifiers, so it is deleted once the import ends), the import recorded, and
 * the reading handed to {@link ImportRunner}.
 */
@Service
class JdbcOrderImports implements OrderImports {

    private final ImportStore store;
    private final ImportRunner runner;
    private final Channels channels;
    private final JsonMapper json;
    private final Clock clock;
    private final Path directory;

    JdbcOrderImports(ImportStore store, ImportRunner runner, Channels channels, JsonMapper json, Clock clock,
            @Value("${throughline.imports.directory:data/imports}") Path directory) {
        this.store = store;
        this.runner = runner;
        this.channels = channels;
        this.json = json;
        this.clock = clock;
        this.directory = directory;
    }

    @Override
    public OrderImport start(String fileName, InputStream file, OrderImportMapping mapping) throws IOException {
        MappingCheck.values(mapping);
        if (mapping.columns().channel() == null) {
            try {
                channels.resolve(mapping.channel());
            } catch (InvalidRequestException unknown) {
                throw new InvalidRequestException("mapping.channel", unknown.reason());
            }
        }
        UUID id = Ids.newId(clock);
        Files.createDirectories(directory);
        Path stored = directory.resolve(id + ".import");
        long size = Files.copy(file, stored, StandardCopyOption.REPLACE_EXISTING);
        try {
            if (size == 0) {
                throw new InvalidRequestException("file", "is empty");
            }
            check(stored, mapping);
        } catch (RuntimeException | IOException refused) {
            Files.deleteIfExists(stored);
            throw refused;
        }
        store.create(id, fileName.isBlank() ? "orders.csv" : fileName, stored.toAbsolutePath().toString(), size,
                json.writeValueAsString(mapping), clock.instant());
        runner.submit(id, stored, mapping, 0);
        return store.get(id);
    }

    /** The mapping against the file's header, then against its first lines. */
    private void check(Path stored, OrderImportMapping mapping) throws IOException {
        Charset charset = MappingCheck.charset(mapping);
        try (ImportFile input = ImportFile.open(stored, charset)) {
            CsvRecords records = new CsvRecords(input.reader());
            CsvRecords.Record header = records.next();
            if (header == null || header.fields() == null) {
                throw new InvalidRequestException("file", "has no header line naming its columns");
            }
            List<String> fields = header.fields().stream().map(name -> name.replace("\uFEFF", "")).toList();
            if (fields.stream().anyMatch(name -> name.indexOf('\uFFFD') >= 0)) {
                throw new InvalidRequestException("file", "is not " + input.charset().name()
                        + ": its header has bytes that are not; name the file's encoding in mapping.encoding");
            }
            MappingCheck.header(mapping, fields);
            List<CsvRecords.Record> sample = new ArrayList<>();
            for (CsvRecords.Record record = records.next(); record != null && sample.size() < MappingCheck.SAMPLE;
                    record = records.next()) {
                sample.add(record);
            }
            MappingCheck.sample(mapping, fields, sample, input.charset(), clock.instant());
        } catch (java.util.zip.ZipException corrupt) {
            throw new InvalidRequestException("file", "starts like gzip but is not a readable gzip file");
        }
    }

    @Override
    public OrderImport get(UUID id) {
        return store.get(id);
    }

    @Override
    public Page<OrderImport> list(PageRequest page) {
        return store.list(page);
    }

    @Override
    public Page<ImportLineError> errors(UUID id, PageRequest page) {
        return store.errors(id, page);
    }
}
