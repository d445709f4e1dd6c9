package io.throughline.platform.internal.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL that starts inside the platform when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param ephemeral     start from an empty cluster and delete it on shutdown (tests)
 * @param durable       fsync and synchronous commit on; only tests may turn this off
 * @param port          0 picks a free port
 */
@ConfigurationProperties("throughline.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("data/pg") Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("true") boolean durable,
        @DefaultValue("0") int port) {}
