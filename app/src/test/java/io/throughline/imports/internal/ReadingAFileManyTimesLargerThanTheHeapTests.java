package io.throughline.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.imports.OrderImportMapping;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order history file of gigabytes must cost disk, not memory: here a generated file several times larger than
 * the heap, with a line of many megabytes and no line break among its orders, is read to its end by a JVM whose
 * heap is {@value #HEAP}, in the batches the import writes. (The upload before it goes to disk: multipart parts
 * above {@code spring.servlet.multipart.file-size-threshold} are written to a temporary file, copied from there.)
 */
class ReadingAFileManyTimesLargerThanTheHeapTests {

    private static final String HEAP = "12m";
    private static final long HEAP_BYTES = 12L * 1024 * 1024;
    private static final int ORDERS = 30_000;
    private static final int LINES_PER_ORDER = 3;
    private static final Pattern NEEDED = Pattern.compile(
            "commons-csv|commons-io|commons-codec|jspecify|jakarta.validation-api|jackson-annotations");
    private static final String DESCRIPTION = "HAND PAINTED TOKAJI GLASS WITH GOLD RIM ".repeat(5).strip();

    @TempDir
    Path directory;

    @Test
    void everyOrderIsReadInBatchesAndTheHugeLineIsReportedWithoutTheFileEverBeingInMemory() throws Exception {
        Path file = directory.resolve("history.csv.gz");
        long size = generate(file);
        assertThat(size).as("uncompressed bytes").isGreaterThan(4 * HEAP_BYTES);

        Process reader = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + HEAP, "-XX:+UseSerialGC", "-cp", classPath(),
                Reading.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reader.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(reader.exitValue()).as(output).isZero();
        // documents, lines taken, errors, and the line of the first error
        assertThat(output.strip().lines().toList().getLast()).isEqualTo(ORDERS + " " + ORDERS * LINES_PER_ORDER
                + " 1 " + (2 + ORDERS / 2 * LINES_PER_ORDER));
    }

    /**
     * The project's classes and the few libraries the reading uses: the heap is for the file, not for the central
     * directories of the test's two hundred jars, which a class loader searching them all would keep in memory.
     */
    private static String classPath() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        List<String> kept = Arrays.stream(entries).filter(entry -> Files.isDirectory(Path.of(entry))
                || NEEDED.matcher(Path.of(entry).getFileName().toString()).lookingAt()).toList();
        return kept.size() > 2 ? String.join(File.pathSeparator, kept) : System.getProperty("java.class.path");
    }

    /** Writes the file and answers its uncompressed size: the orders, with a line of 32 MB halfway. */
    private static long generate(Path file) throws IOException {
        long size = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new FastGzip(Files.newOutputStream(file)),
                StandardCharsets.UTF_8), 1 << 16)) {
            String header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
            out.write(header);
            size += header.length();
            for (int order = 0; order < ORDERS; order++) {
                if (order == ORDERS / 2) {
                    String endless = "x".repeat(1 << 20);
                    for (int i = 0; i < 32; i++) {
                        out.write(endless);
                    }
                    out.write('\n');
                    size += 32L * endless.length() + 1;
                }
                for (int line = 0; line < LINES_PER_ORDER; line++) {
                    String text = "%d,%d,\"%s, NO. %d\",%d,2011-03-%02d 10:%02d:00,%d.%02d,%d.0,United Kingdom\n"
                            .formatted(600_000 + order, 20_000 + line, DESCRIPTION, line, 1 + line, 1 + order % 28,
                                    order % 60, 1 + line, order % 100, 12_000 + order % 4_000);
                    out.write(text);
                    size += text.length();
                }
            }
        }
        return size;
    }

    /** Gzip at its fastest level: the test is about reading the file, not about making it small. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** What the small JVM runs: the import's reading of the file, counting what the batches hold. */
    static final class Reading {

        public static void main(String[] args) throws IOException {
            OrderImportMapping mapping = new OrderImportMapping(new OrderImportMapping.Columns("InvoiceNo",
                    "InvoiceDate", "StockCode", "Description", "Quantity", "UnitPrice", null, "CustomerID", null,
                    "Country"), "yyyy-MM-dd HH:mm:ss", "Europe/London", "user_id", "GBP", "web", "C",
                    OrderImportMapping.UnknownProducts.CREATE, List.of("POST"), null, null, null);
            long[] counts = new long[4];
            try (ImportFile input = ImportFile.open(Path.of(args[0]), StandardCharsets.UTF_8)) {
                ImportReading.read(input, mapping, Instant.now(), 0, 2_000, 500, (batch, bytes) -> {
                    counts[0] += batch.documents().size();
                    counts[1] += batch.documents().stream().mapToInt(document -> document.lines().size()).sum();
                    counts[2] += batch.errors().size();
                    if (!batch.errors().isEmpty() && counts[3] == 0) {
                        counts[3] = batch.errors().getFirst().line();
                    }
                    return true;
                });
            }
            // The counts are this process's answer to the test that started it, read from its standard output.
            System.out.println(counts[0] + " " + counts[1] + " " + counts[2] + " " + counts[3]);
        }
    }
}
