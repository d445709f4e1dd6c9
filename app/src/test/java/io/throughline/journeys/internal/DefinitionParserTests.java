package io.throughline.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.platform.InvalidRequestException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Definitions are refused at the first problem, naming the JSON path that is wrong. */
class DefinitionParserTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DefinitionParser PARSER = new DefinitionParser(Set.of("Reminder")::contains, Set.of("web")::contains);

    static String journey(String steps) {
        return """
                {"key": "cart", "name": "Cart", "trigger": {"event": "Product Added"}, "start": "a",
                 "steps": %s}""".formatted(steps);
    }

    static InvalidRequestException refusal(String definition) {
        try {
            PARSER.parse(JSON.readTree(definition));
        } catch (InvalidRequestException refused) {
            return refused;
        }
        throw new AssertionError("accepted: " + definition);
    }

    @Test
    void anUnknownStepTypeIsNamedWithItsPath() {
        var refused = refusal(journey("{\"a\": {\"type\": \"teleport\"}}"));
        assertThat(refused.field()).isEqualTo("$.steps.a.type");
        assertThat(refused.reason()).contains("teleport", "wait_for_event");
    }

    @Test
    void aNextStepThatDoesNotExistIsNamedWithTheFieldThatRefersToIt() {
        var refused = refusal(journey("""
                {"a": {"type": "wait_for_event", "event": "Order Completed", "timeout": "48h",
                       "onEvent": "b", "onTimeout": "nowhere"},
                 "b": {"type": "exit"}}"""));
        assertThat(refused.field()).isEqualTo("$.steps.a.onTimeout");
        assertThat(refused.reason()).contains("nowhere");
    }

    @Test
    void anUnknownMessageIsRefused() {
        var refused = refusal(journey("{\"a\": {\"type\": \"send\", \"message\": \"Nope\", \"next\": \"b\"},"
                + " \"b\": {\"type\": \"exit\"}}"));
        assertThat(refused.field()).isEqualTo("$.steps.a.message");
    }

    @Test
    void aCycleWithoutAWaitIsRefusedButOneWithAWaitIsFine() {
        var refused = refusal(journey("""
                {"a": {"type": "send", "message": "Reminder", "next": "b"},
                 "b": {"type": "condition", "if": {"trait": "vip", "op": "eq", "value": true}, "then": "a", "else": "c"},
                 "c": {"type": "exit"}}"""));
        assertThat(refused.field()).isEqualTo("$.steps.a");
        assertThat(refused.reason()).contains("a → b → a");

        Definition weekly = PARSER.parse(JSON.readTree(journey("""
                {"a": {"type": "send", "message": "Reminder", "next": "b"},
                 "b": {"type": "wait", "duration": "7d", "next": "a"}}""")));
        assertThat(weekly.steps()).hasSize(2);
    }

    @Test
    void splitsMustAddUpAndDurationsMustBeDurations() {
        assertThat(refusal(journey("""
                {"a": {"type": "random_split", "branches": [{"percent": 50, "next": "b"}, {"percent": 40, "control": true}]},
                 "b": {"type": "exit"}}""")).field()).isEqualTo("$.steps.a.branches");
        assertThat(refusal(journey("{\"a\": {\"type\": \"wait\", \"duration\": \"soon\", \"next\": \"a\"}}")).field())
                .isEqualTo("$.steps.a.duration");
    }

    @Test
    void triggersFiltersAndReentryAreChecked() {
        assertThat(refusal("""
                {"key": "x", "name": "X", "trigger": {"event": "Product Added",
                 "where": [{"property": "price", "op": "bigger", "value": 1}]},
                 "start": "a", "steps": {"a": {"type": "exit"}}}""").field()).isEqualTo("$.trigger.where[0].op");
        assertThat(refusal("""
                {"key": "x", "name": "X", "trigger": {"schedule": {"cron": "every day"}},
                 "start": "a", "steps": {"a": {"type": "exit"}}}""").field()).isEqualTo("$.trigger.schedule.cron");
        assertThat(refusal("""
                {"key": "x", "name": "X", "trigger": {"api": true}, "reentry": "twice",
                 "start": "a", "steps": {"a": {"type": "exit"}}}""").field()).isEqualTo("$.reentry");
        assertThat(refusal("""
                {"key": "X Y", "name": "X", "trigger": {"api": true},
                 "start": "a", "steps": {"a": {"type": "exit"}}}""").field()).isEqualTo("$.key");
        assertThat(refusal("""
                {"key": "x", "name": "X", "trigger": {"api": true},
                 "start": "b", "steps": {"a": {"type": "exit"}}}""").field()).isEqualTo("$.start");
    }

    @Test
    void propertyFiltersCompareNumbersAsNumbers() {
        var match = PARSER.parse(JSON.readTree("""
                {"key": "x", "name": "X", "trigger": {"event": "Product Added",
                 "where": [{"property": "price", "op": "gt", "value": 10000},
                           {"property": "product.category", "op": "eq", "value": "wine"}]},
                 "start": "a", "steps": {"a": {"type": "exit"}}}""")).trigger();
        var onEvent = (Definition.Trigger.OnEvent) match;
        assertThat(onEvent.match().matches("Product Added",
                JSON.readTree("{\"price\": 24900.0, \"product\": {\"category\": \"wine\"}}"))).isTrue();
        assertThat(onEvent.match().matches("Product Added",
                JSON.readTree("{\"price\": 9900, \"product\": {\"category\": \"wine\"}}"))).isFalse();
        assertThat(onEvent.match().matches("Product Added", JSON.readTree("{\"price\": \"lots\"}"))).isFalse();
        assertThat(onEvent.match().matches("Product Removed",
                JSON.readTree("{\"price\": 24900, \"product\": {\"category\": \"wine\"}}"))).isFalse();
    }
}
