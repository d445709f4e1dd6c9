package io.throughline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class EmbeddedDatabaseTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void embeddedPostgresIsDurableDespiteTheEmbeddedDefaults() {
        // zonky starts PostgreSQL with fsync and synchronous_commit off; an acknowledged write must survive a crash.
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void embeddedPostgresIsVersion17AndEveryModuleMigrated() {
        assertThat(setting("server_version")).startsWith("17.");
        assertThat(jdbc.sql("SELECT schema_name FROM information_schema.schemata").query(String.class).list())
                .contains("platform", "customers", "demo");
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
                .query(Long.class).single()).isZero();
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }
}
