package io.throughline.imports.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A stored import file opened for reading, a buffer at a time (a file of gigabytes is never in memory): gzip-compressed
 * or plain (told by its first bytes), decoded in the mapping's encoding, or in the one a byte-order mark names, with
 * every undecodable byte turned into U+FFFD, so that a line in another encoding is reported as such instead of ending
 * the import. Counts the stored bytes read, for the progress.
 */
final class ImportFile implements AutoCloseable {

    private final Counting counting;
    private final BufferedReader reader;
    private final Charset charset;

    private ImportFile(Counting counting, BufferedReader reader, Charset charset) {
        this.counting = counting;
        this.reader = reader;
        this.charset = charset;
    }

    static ImportFile open(Path path, Charset charset) throws IOException {
        Counting counting = new Counting(Files.newInputStream(path));
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream content = new BufferedInputStream(first == 0x1f && second == 0x8b
                ? new GZIPInputStream(buffered, 1 << 16) : buffered, 1 << 16);
        Charset marked = byteOrderMark(content);
        Charset used = marked != null ? marked : charset;
        var decoder = used.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new ImportFile(counting, new BufferedReader(new InputStreamReader(content, decoder), 1 << 16), used);
    }

    /**
     * The encoding a byte-order mark at the start names, with the mark passed over; null without one. A mark is
     * what a spreadsheet writes in front of UTF-8 and UTF-16 exports, and no text in another encoding starts so.
     */
    private static @Nullable Charset byteOrderMark(InputStream content) throws IOException {
        content.mark(3);
        int a = content.read();
        int b = content.read();
        int c = content.read();
        content.reset();
        if (a == 0xEF && b == 0xBB && c == 0xBF) {
            content.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (a == 0xFF && b == 0xFE) {
            content.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        if (a == 0xFE && b == 0xFF) {
            content.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The encoding the file is read in. */
    Charset charset() {
        return charset;
    }

    BufferedReader reader() {
        return reader;
    }

    long bytesRead() {
        return counting.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
