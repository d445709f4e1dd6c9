package io.throughline.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Online Retail data set (a UK online gift retailer's order lines, 2010-12 to 2011-10; Daqing Chen, UCI
 * Machine Learning Repository, CC BY 4.0), read where the project's shared data sets live and never copied into
 * the project: {@code -Dthroughline.data=…}, else the first {@code shared/data} beside the project or one of the
 * folders above it. Tests that need it are skipped when it is not there.
 */
public final class OnlineRetail {

    public static final Path FILE = sharedData().resolve("online-retail/online-retail-2010-12-to-2011-10.csv.gz");

    /**
     * Whether the scenarios that import the whole file through the platform run: each takes minutes (about five
     * on a quiet 2-core machine), too long for every build. {@code -Dthroughline.data.whole-file=true} runs them.
     */
    public static final boolean WHOLE_FILE_SCENARIOS = Boolean.getBoolean("throughline.data.whole-file");

    private OnlineRetail() {}

    public static boolean present() {
        return Files.exists(FILE);
    }

    private static Path sharedData() {
        String given = System.getProperty("throughline.data");
        if (given != null) {
            return Path.of(given);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/data"))) {
                return dir.resolve("shared/data");
            }
        }
        return Path.of("../shared/data");
    }
}
