package io.throughline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct JDBC access to the platform's embedded PostgreSQL, for references and seeding that bypass the platform. */
final class Postgres {

    private Postgres() {}

    static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres");
    }

    /**
     * The settings that make a commit durable, as {@code fsync=on synchronous_commit=on full_page_writes=on};
     * fails unless all are on, because a reference measured without them would flatter nobody honestly.
     */
    static String requireDurable(Connection connection) throws SQLException {
        StringBuilder settings = new StringBuilder();
        for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
            String value = text(connection, "SHOW " + setting);
            if (!"on".equals(value)) {
                throw new IllegalStateException("PostgreSQL runs with " + setting + "=" + value + "; benchmarks need it on");
            }
            settings.append(settings.isEmpty() ? "" : " ").append(setting).append('=').append(value);
        }
        return settings.toString();
    }

    static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
