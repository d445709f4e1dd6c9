package io.throughline.imports.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A stored import file opened for reading: gzip-compressed or plain (told by its first bytes), decoded in the
 * mapping's encoding with every undecodable byte turned into U+FFFD, so that a line in another encoding is reported
 * as such instead of ending the import. Counts the stored bytes read, for the progress.
 */
final class ImportFile implements AutoCloseable {

    private final Counting counting;
    private final BufferedReader reader;

    private ImportFile(Counting counting, BufferedReader reader) {
        this.counting = counting;
        this.reader = reader;
    }

    static ImportFile open(Path path, Charset charset) throws IOException {
        Counting counting = new Counting(Files.newInputStream(path));
        BufferedInputStream buffered = new BufferedInputStream(counting, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream content = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new ImportFile(counting, new BufferedReader(new InputStreamReader(content, decoder), 1 << 16));
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
