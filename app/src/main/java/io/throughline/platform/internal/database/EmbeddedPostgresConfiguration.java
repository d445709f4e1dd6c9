package io.throughline.platform.internal.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL from the binaries inside the jar when no external database is configured, so that the
 * platform runs with nothing installed. The cluster is made durable (fsync and synchronous commit on):
 * the embedded defaults trade durability for speed, and an acknowledged write must survive a crash.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setPort(properties.port())
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", properties.durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
                .setServerConfig("full_page_writes", properties.durable() ? "on" : "off")
                // The event log writes steadily; frequent checkpoints would write every page (and its
                // full-page image in the WAL) again and again.
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("wal_compression", "on");
        if (properties.ephemeral()) {
            builder.setCleanDataDirectory(true);
        } else {
            Path dataDirectory = properties.dataDirectory().toAbsolutePath();
            Files.createDirectories(dataDirectory);
            OrphanedPostmaster.stopIfRunning(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL data directory: {}", dataDirectory);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("throughline");
        dataSource.setMaximumPoolSize(16);
        return dataSource;
    }

}
