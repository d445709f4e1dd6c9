package io.throughline.platform;

import io.throughline.platform.Keyset.Cursor;
import io.throughline.platform.Keyset.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A newest-first list read one slice at a time by its key, in one statement, as {@link Keyset} describes: the
 * row comparison {@code (at, id) < (?, ?)} lets a {@code (at DESC, id DESC)} index start the scan at the cursor.
 *
 * @param columns  the select list, without {@code SELECT}
 * @param from     {@code FROM … WHERE …}: it must have a {@code WHERE} (write {@code WHERE TRUE} when nothing
 *                 filters), since the cursor's condition is added with {@code AND}
 * @param atColumn the moment of the key, e.g. {@code created_at}
 * @param idColumn the id that breaks ties, e.g. {@code id}
 * @param params   the parameters of {@code from}, in order
 */
public record KeysetQuery(String columns, String from, String atColumn, String idColumn, List<?> params) {

    public KeysetQuery {
        params = List.copyOf(params);
    }

    /** The slice after {@code after} (from the newest when null) of {@code size} rows, refused as field size. */
    public <T> Slice<T> read(JdbcClient jdbc, @Nullable Cursor after, int size, RowMapper<T> rows,
            Function<T, Cursor> keyOf) {
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
        List<Object> all = new ArrayList<>(params);
        String where = from;
        if (after != null) {
            where += " AND (" + atColumn + ", " + idColumn + ") < (?, ?)";
            all.add(Rows.timestamp(after.at()));
            all.add(after.id());
        }
        all.add(Keyset.fetchSize(size));
        List<T> fetched = jdbc.sql("SELECT " + columns + " " + where + " ORDER BY " + atColumn + " DESC, " + idColumn
                        + " DESC LIMIT ?")
                .params(all).query(rows).list();
        return Keyset.slice(fetched, size, keyOf);
    }
}
