package io.throughline.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved definition opened in the builder comes back as the same JSON when saved unchanged, nested groups and
 * "none of" included, with what the form cannot show kept as JSON; and the server's JSON path finds the row and
 * field the marketer typed into.
 */
class MarketerEditingASavedSegmentInTheBuilderTests {

    static final JsonMapper JSON = JsonMapper.shared();

    static final String SAVED = """
            {"key": "lapsed-aszu", "name": "Lapsed Aszú fans", "description": "Bought, then went quiet",
             "condition": {"type": "all", "conditions": [
               {"type": "events", "event": "Product Viewed", "where": [{"property": "name", "op": "contains", "value": "Aszú"}],
                "within": "30d", "count": {"op": "gte", "value": 3}},
               {"type": "not", "condition": {"type": "any", "conditions": [
                 {"type": "spend", "currency": "HUF", "within": "90d", "op": "gt", "value": 20000},
                 {"type": "open_case"}]}},
               {"type": "rfm", "score": "monetary", "currency": "HUF", "bands": [10000, 30000, 50000, 90000], "op": "lte", "value": 2},
               {"type": "place", "field": "city", "values": ["Debrecen", "Nyíregyháza"]},
               {"type": "events", "event": "Order Completed", "within": "12h", "where": [
                 {"property": "currency", "op": "eq", "value": "HUF"}, {"property": "total", "op": "gt", "value": 100}],
                "sum": {"property": "total", "op": "gte", "value": 1}}]}}""";

    @Test
    void aSavedDefinitionComesBackUnchangedFromTheForm() {
        JsonNode saved = JSON.readTree(SAVED);
        SegmentDraft draft = SegmentDraftJson.of(saved);

        assertThat(draft.childrenOf(SegmentDraft.ROOT)).extracting(SegmentDraft.Row::type)
                .containsExactly("events", "none", "rfm", "place", "raw");
        SegmentDraft posted = SegmentDraft.of(form(draft)).tidied();

        assertThat(SegmentDraftJson.toJson(posted, JSON).definition()).isEqualTo(saved);
    }

    @Test
    void theServersJsonPathFindsTheRowAndFieldAtFault() {
        SegmentDraft draft = SegmentDraftJson.of(JSON.readTree(SAVED));
        SegmentDraftJson.Built built = SegmentDraftJson.toJson(draft, JSON);
        String viewed = draft.childrenOf(SegmentDraft.ROOT).getFirst().id();
        String none = draft.childrenOf(SegmentDraft.ROOT).get(1).id();
        String spend = draft.childrenOf(none).getFirst().id();

        assertThat(SegmentDraftJson.place("$.condition.conditions[0].count.value", built.paths(), draft))
                .isEqualTo(new SegmentDraftJson.Place(viewed, "value"));
        assertThat(SegmentDraftJson.place("$.condition.conditions[0].where[0].op", built.paths(), draft))
                .isEqualTo(new SegmentDraftJson.Place(viewed, "whereOp"));
        assertThat(SegmentDraftJson.place("$.condition.conditions[1].condition.conditions[0].within", built.paths(),
                draft)).isEqualTo(new SegmentDraftJson.Place(spend, "withinAmount"));
        assertThat(SegmentDraftJson.place("$.condition.conditions[1].condition.conditions", built.paths(), draft))
                .isEqualTo(new SegmentDraftJson.Place(none, null));
        assertThat(SegmentDraftJson.place("$.name", built.paths(), draft))
                .isEqualTo(new SegmentDraftJson.Place(null, "name"));
    }

    /** The draft as the browser posts it back. */
    private static Map<String, String> form(SegmentDraft draft) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", draft.key());
        form.put("name", draft.name());
        form.put("description", draft.description());
        for (SegmentDraft.Row row : draft.rows()) {
            String at = "rows[" + draft.indexOf(row) + "].";
            form.put(at + "id", row.id());
            form.put(at + "parent", row.parent());
            form.put(at + "type", row.type());
            row.values().forEach((field, value) -> form.put(at + field, value));
        }
        return form;
    }
}
