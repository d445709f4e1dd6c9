package io.throughline.journeys.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several writes sent to PostgreSQL as one statement: all but the last become data-modifying {@code WITH}
 * clauses of the last. What a walk leaves — the instance, its timer or send intent, the counts — then costs one
 * round trip instead of one per table. The parts run on one snapshot and cannot see each other's rows, so they
 * must write different rows (foreign keys are checked at the end of the statement, when all are in).
 */
final class OneStatement {

    /** One write: its SQL with {@code ?} placeholders, and their values in order. */
    record Part(String sql, List<?> params) {}

    private final List<Part> parts = new ArrayList<>();

    OneStatement add(Part part) {
        parts.add(part);
        return this;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    void execute(JdbcClient jdbc) {
        if (parts.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < parts.size() - 1; i++) {
            sql.append(i == 0 ? "WITH " : ", ").append("write_").append(i).append(" AS (")
                    .append(parts.get(i).sql()).append(")");
            params.addAll(parts.get(i).params());
        }
        sql.append(parts.size() > 1 ? " " : "").append(parts.getLast().sql());
        params.addAll(parts.getLast().params());
        jdbc.sql(sql.toString()).params(params).update();
    }
}
