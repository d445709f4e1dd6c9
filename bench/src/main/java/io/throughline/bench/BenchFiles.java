package io.throughline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories and the private copy of the platform jar that every benchmark runs. */
final class BenchFiles {

    private BenchFiles() {}

    /** A private copy of the jar, because a concurrent {@code package} rewrites it under a running child and crashes it. */
    static Path snapshot(Path appJar) throws IOException {
        Path dir = Files.createTempDirectory("throughline-bench-jar-");
        return Files.copy(appJar, dir.resolve(appJar.getFileName()));
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp directory must not turn a finished measurement into a failure.
            Report.println("bench: could not delete " + dir + ": " + e);
        }
    }
}
