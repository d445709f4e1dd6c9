package io.throughline.service.internal;

import io.throughline.platform.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Agents of the inbox ({@code service.agent}) and the live cases each holds. */
@Component
class AgentStore {

    private final JdbcClient jdbc;

    AgentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID staffId, int capacity, boolean available, List<String> teams, Instant now) {
        jdbc.sql("""
                INSERT INTO service.agent (staff_id, capacity, available, teams, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (staff_id) DO UPDATE SET capacity = excluded.capacity, available = excluded.available,
                    teams = excluded.teams, updated_at = excluded.updated_at""")
                .params(staffId, capacity, available, teams.toArray(String[]::new), Rows.timestamp(now)).update();
    }

    List<Agent> list() {
        return jdbc.sql("SELECT * FROM service.agent ORDER BY staff_id").query(AgentStore::agent).list();
    }

    /** Locks one agent's row: every assignment to her counts her cases under this lock. */
    Optional<Agent> lock(UUID staffId) {
        return jdbc.sql("SELECT * FROM service.agent WHERE staff_id = ? FOR UPDATE").param(staffId)
                .query(AgentStore::agent).optional();
    }

    /**
     * Locks every available agent who may take a case of the team (a team's cases go to its members; a case
     * without a team to anyone), in one order, so that two assignments never wait on each other crosswise.
     */
    List<Agent> lockAvailable(@Nullable String team) {
        return jdbc.sql("""
                SELECT * FROM service.agent
                WHERE available AND capacity > 0 AND (?::text IS NULL OR ? = ANY(teams))
                ORDER BY staff_id FOR UPDATE""").params(team, team).query(AgentStore::agent).list();
    }

    /** How many live cases each agent holds now. */
    Map<UUID, Integer> loads(List<UUID> staffIds) {
        return jdbc.sql("""
                SELECT assignee_id, count(*) AS n FROM service.conversation
                WHERE assignee_id = ANY(?) AND status <> 'RESOLVED' AND merged_into IS NULL GROUP BY assignee_id""")
                .param(staffIds.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(Rows.uuid(rs, "assignee_id"), rs.getInt("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void assigned(UUID staffId, Instant at) {
        jdbc.sql("UPDATE service.agent SET last_assigned_at = ? WHERE staff_id = ?")
                .params(Rows.timestamp(at), staffId).update();
    }

    private static Agent agent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Agent(Rows.uuid(rs, "staff_id"), rs.getInt("capacity"), rs.getBoolean("available"),
                List.of((String[]) rs.getArray("teams").getArray()), Rows.instantOrNull(rs, "last_assigned_at"));
    }
}
