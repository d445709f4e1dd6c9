package io.throughline.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JDK and the platform jar that {@code bench/run} hands to every benchmark as system properties. */
record BenchEnvironment(Path java, Path appJar) {

    static BenchEnvironment fromSystemProperties(String benchmark) {
        Path java = Path.of(BenchProperties.required("throughline.bench.java", benchmark));
        Path appJar = Path.of(BenchProperties.required("throughline.bench.app-jar", benchmark)).toAbsolutePath();
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException("platform jar not found: " + appJar);
        }
        return new BenchEnvironment(java, appJar);
    }

    BenchEnvironment withAppJar(Path jar) {
        return new BenchEnvironment(java, jar);
    }

    /** The {@code jcmd} next to the java that runs the platform, for thread dumps of the child. */
    Path jcmd() {
        return java.resolveSibling("jcmd");
    }
}
