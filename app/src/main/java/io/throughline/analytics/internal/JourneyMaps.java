package io.throughline.analytics.internal;

import io.throughline.analytics.Analytics.JourneyMap;
import io.throughline.analytics.JourneyStage;
import io.throughline.analytics.Period;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Rows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The journey map from the touches: a customer is at a stage in the channel of her first touch of one of its events
 * in the period; the flows pair that channel with the channel of her first touch of the next stage.
 */
@Component
class JourneyMaps {

    private final JdbcClient jdbc;

    JourneyMaps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<JourneyStage, List<String>> rules() {
        Map<JourneyStage, List<String>> rules = new EnumMap<>(JourneyStage.class);
        jdbc.sql("SELECT stage, event FROM analytics.stage_rule ORDER BY stage, event")
                .query((rs, n) -> rules.computeIfAbsent(Rows.enumOf(rs, "stage", JourneyStage.class),
                        stage -> new ArrayList<>()).add(rs.getString("event")))
                .list();
        if (rules.isEmpty()) {
            for (JourneyStage stage : JourneyStage.values()) {
                rules.put(stage, stage.defaultEvents());
            }
        }
        return rules;
    }

    void change(Map<JourneyStage, List<String>> rules) {
        Set<String> seen = new HashSet<>();
        for (var stage : rules.entrySet()) {
            for (String event : stage.getValue()) {
                if (event == null || event.isBlank() || event.length() > 200) {
                    throw new InvalidRequestException(stage.getKey().name(), "names an empty or too long event");
                }
                if (!seen.add(event)) {
                    throw new InvalidRequestException(stage.getKey().name(), "names " + event
                            + ", which another stage already has");
                }
            }
        }
        if (seen.isEmpty()) {
            throw new InvalidRequestException("rules", "must map at least one event to a stage");
        }
        jdbc.sql("DELETE FROM analytics.stage_rule").update();
        rules.forEach((stage, events) -> events.forEach(event -> jdbc.sql(
                "INSERT INTO analytics.stage_rule (stage, event) VALUES (?, ?)").params(stage.name(), event).update()));
    }

    JourneyMap map(Period period) {
        Map<JourneyStage, List<String>> rules = rules();
        List<String> stages = new ArrayList<>();
        List<String> events = new ArrayList<>();
        rules.forEach((stage, names) -> names.forEach(name -> {
            stages.add(stage.name());
            events.add(name);
        }));
        record Entry(String profile, JourneyStage stage, String channel) {}
        List<Entry> entries = jdbc.sql("""
                WITH rule AS (SELECT * FROM unnest(CAST(:stages AS text[]), CAST(:events AS text[])) AS r(stage, event))
                SELECT DISTINCT ON (t.profile_id, rule.stage) t.profile_id, rule.stage, t.channel
                FROM analytics.touch t JOIN rule ON rule.event = t.name
                WHERE %s AND t.first_at >= :from AND t.first_at < :to AND t.channel <> 'platform'
                ORDER BY t.profile_id, rule.stage, t.first_at""".formatted(KpiQueries.DAYS))
                .param("stages", stages.toArray(String[]::new)).param("events", events.toArray(String[]::new))
                .param("from", Rows.timestamp(period.from())).param("to", Rows.timestamp(period.to()))
                .query((rs, n) -> new Entry(rs.getString("profile_id"),
                        Rows.enumOf(rs, "stage", JourneyStage.class), rs.getString("channel")))
                .list();
        Map<JourneyStage, Long> customers = new EnumMap<>(JourneyStage.class);
        Map<JourneyStage, Map<String, Long>> byChannel = new EnumMap<>(JourneyStage.class);
        Map<String, Map<JourneyStage, String>> perCustomer = new TreeMap<>();
        for (JourneyStage stage : JourneyStage.values()) {
            customers.put(stage, 0L);
            byChannel.put(stage, new TreeMap<>());
        }
        for (Entry entry : entries) {
            customers.merge(entry.stage(), 1L, Long::sum);
            byChannel.get(entry.stage()).merge(entry.channel(), 1L, Long::sum);
            perCustomer.computeIfAbsent(entry.profile(), id -> new EnumMap<>(JourneyStage.class))
                    .put(entry.stage(), entry.channel());
        }
        Map<String, Long> flows = new TreeMap<>();
        JourneyStage[] order = JourneyStage.values();
        for (Map<JourneyStage, String> journey : perCustomer.values()) {
            for (int i = 0; i + 1 < order.length; i++) {
                String from = journey.get(order[i]);
                String to = journey.get(order[i + 1]);
                if (from != null && to != null) {
                    flows.merge(order[i].name() + "\t" + from + "\t" + to, 1L, Long::sum);
                }
            }
        }
        List<JourneyMap.Flow> flowList = new ArrayList<>();
        flows.forEach((key, count) -> {
            String[] parts = key.split("\t", 3);
            flowList.add(new JourneyMap.Flow(JourneyStage.valueOf(parts[0]), parts[1], parts[2], count));
        });
        return new JourneyMap(customers, byChannel, flowList);
    }
}
