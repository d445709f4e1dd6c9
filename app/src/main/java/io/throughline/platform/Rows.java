package io.throughline.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reading typed values from a row, and turning instants into statement parameters: the one place that knows how
 * uuid, timestamptz, money and enum columns map to Java, so that row mappers stay one line per field.
 */
public final class Rows {

    private Rows() {}

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return required(rs.getObject(column, UUID.class), column);
    }

    public static @Nullable UUID uuidOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return required(instantOrNull(rs, column), column);
    }

    public static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** An amount in minor units and its currency, kept in two columns. */
    public static Money money(ResultSet rs, String minorColumn, String currencyColumn) throws SQLException {
        return new Money(rs.getLong(minorColumn), required(rs.getString(currencyColumn), currencyColumn));
    }

    /** An enum stored by its constant's name; a name the code does not know is a bug, not bad input. */
    public static <E extends Enum<E>> E enumOf(ResultSet rs, String column, Class<E> type) throws SQLException {
        return Enum.valueOf(type, required(rs.getString(column), column));
    }

    public static <E extends Enum<E>> @Nullable E enumOrNull(ResultSet rs, String column, Class<E> type)
            throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** An instant as a statement parameter (PostgreSQL's driver takes {@code Timestamp} for timestamptz). */
    public static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    public static @Nullable Timestamp timestampOrNull(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static <T> T required(@Nullable T value, String column) throws SQLException {
        if (value == null) {
            throw new SQLException("Column " + column + " is null where a value is required");
        }
        return value;
    }
}
