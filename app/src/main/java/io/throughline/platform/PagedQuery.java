package io.throughline.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list read one page at a time, in one statement: the page's rows carry the total count as a window
 * ({@code count(*) OVER ()}), so a page costs one round trip instead of a count and a select. For lists that
 * grow without bound (events, deliveries), prefer {@link Keyset} over deep offsets.
 *
 * @param columns the select list, without {@code SELECT}
 * @param from    {@code FROM …} with its joins and {@code WHERE}
 * @param orderBy the order, without {@code ORDER BY}; it must end on a unique key so pages never overlap
 * @param params  the parameters of {@code from}, in order
 */
public record PagedQuery(String columns, String from, String orderBy, List<?> params) {

    private static final String TOTAL = "paged_query_total";

    public PagedQuery {
        params = List.copyOf(params);
    }

    public PagedQuery(String columns, String from, String orderBy) {
        this(columns, from, orderBy, List.of());
    }

    public <T> Page<T> read(JdbcClient jdbc, PageRequest page, RowMapper<T> rows) {
        List<Object> all = new ArrayList<>(params);
        all.add(page.size());
        all.add(page.offset());
        long[] total = {-1};
        List<T> items = jdbc.sql("SELECT " + columns + ", count(*) OVER () AS " + TOTAL + " " + from
                        + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")
                .params(all)
                .query((rs, rowNum) -> {
                    total[0] = rs.getLong(TOTAL);
                    return rows.mapRow(rs, rowNum);
                })
                .list();
        if (total[0] < 0) {
            // A page past the end holds no row to carry the count.
            total[0] = page.offset() == 0 ? 0
                    : jdbc.sql("SELECT count(*) " + from).params(params).query(Long.class).single();
        }
        return new Page<>(items, page.page(), page.size(), total[0]);
    }
}
