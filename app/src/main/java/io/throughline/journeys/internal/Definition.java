package io.throughline.journeys.internal;

import io.throughline.messaging.Dispatch;
import io.throughline.messaging.MessageChannel;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A journey version's definition as the engine reads it, parsed and checked by {@link DefinitionParser}. */
record Definition(String key, String name, Trigger trigger, Reentry reentry, @Nullable EventMatch goal,
        String start, Map<String, Step> steps) {

    Definition {
        steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
    }

    Step step(String id) {
        Step step = steps.get(id);
        if (step == null) {
            throw new IllegalStateException("No step " + id + " in journey " + key);
        }
        return step;
    }

    /** The event labels this version reacts to: its trigger, its waits and its goal. */
    Set<String> eventsOfInterest() {
        Set<String> labels = new LinkedHashSet<>();
        if (trigger instanceof Trigger.OnEvent onEvent) {
            labels.add(onEvent.match().event());
        }
        if (goal != null) {
            labels.add(goal.event());
        }
        steps.values().forEach(step -> {
            if (step instanceof Step.WaitForEvent wait) {
                labels.add(wait.match().event());
            }
        });
        return labels;
    }

    /** An event of a name whose properties pass every filter. */
    record EventMatch(String event, List<PropertyFilter> where) {

        EventMatch {
            where = List.copyOf(where);
        }

        boolean matches(String label, JsonNode properties) {
            return event.equals(label) && where.stream().allMatch(filter -> filter.test(properties));
        }
    }

    /** How customers come in. */
    sealed interface Trigger {

        /** An event, e.g. "Product Added" where price > 10000. */
        record OnEvent(EventMatch match) implements Trigger {}

        /** Every day at a time, or on a cron expression, for the customers of the audience. */
        record OnSchedule(Schedule schedule, Audience audience) implements Trigger {}

        /** {@code POST /api/journeys/{key}/entries}. */
        record OnApiCall() implements Trigger {}
    }

    /** Who a scheduled journey enters: customers active in a channel (any channel when null) lately. */
    record Audience(@Nullable String channel, Duration seenWithin) {}

    /** When a scheduled trigger fires next. */
    sealed interface Schedule {

        Instant nextAfter(Instant moment);

        record DailyAt(LocalTime time, ZoneId zone) implements Schedule {
            @Override
            public Instant nextAfter(Instant moment) {
                return Times.nextTimeOfDay(moment, time, zone);
            }
        }

        record Cron(String expression, ZoneId zone) implements Schedule {
            @Override
            public Instant nextAfter(Instant moment) {
                ZonedDateTime next = org.springframework.scheduling.support.CronExpression.parse(expression)
                        .next(moment.atZone(zone));
                if (next == null) {
                    throw new IllegalStateException("Cron expression " + expression + " never fires");
                }
                return next.toInstant();
            }
        }
    }

    /** Whether a customer may enter again. */
    sealed interface Reentry {

        /** Once ever. */
        record Once() implements Reentry {}

        /** Again once the period since her last entry has passed. */
        record OncePer(Duration period) implements Reentry {}

        /** Whenever the trigger fires, also while she is in the journey. */
        record Always() implements Reentry {}
    }

    /** One step; {@code id} is its key in the definition's {@code steps}. */
    sealed interface Step {

        String id();

        /** Where it can go next. */
        List<String> nextSteps();

        /** Whether passing it always takes time, which is what makes a cycle through it harmless. */
        default boolean waits() {
            return false;
        }

        /** The wire name of its type, e.g. {@code wait_for_event}. */
        String type();

        record Wait(String id, Duration duration, String next) implements Step {
            public List<String> nextSteps() { return List.of(next); }
            public boolean waits() { return true; }
            public String type() { return "wait"; }
        }

        /** Waits until the next moment the clock in the zone shows the time. */
        record WaitUntil(String id, LocalTime time, ZoneId zone, String next) implements Step {
            public List<String> nextSteps() { return List.of(next); }
            public boolean waits() { return true; }
            public String type() { return "wait_until"; }
        }

        /** Goes on at {@code onEvent} when the event arrives in time, else at {@code onTimeout}. */
        record WaitForEvent(String id, EventMatch match, Duration timeout, String onEvent, String onTimeout)
                implements Step {
            public List<String> nextSteps() { return List.of(onEvent, onTimeout); }
            public boolean waits() { return true; }
            public String type() { return "wait_for_event"; }
        }

        record Condition(String id, Check check, String then, String otherwise) implements Step {
            public List<String> nextSteps() { return List.of(then, otherwise); }
            public String type() { return "condition"; }
        }

        /** Branches by share; a branch without a next step is the control group, which leaves here. */
        record RandomSplit(String id, List<Branch> branches) implements Step {
            public RandomSplit {
                branches = List.copyOf(branches);
            }
            public List<String> nextSteps() {
                return branches.stream().map(Branch::next).filter(java.util.Objects::nonNull).toList();
            }
            public String type() { return "random_split"; }
        }

        record Branch(String name, int percent, @Nullable String next) {}

        /** A message by name on a fixed channel, or on the best channel when none is given. */
        record Send(String id, String message, @Nullable MessageChannel channel, Dispatch.QuietHours quietHours,
                String next) implements Step {
            public List<String> nextSteps() { return List.of(next); }
            public String type() { return "send"; }
        }

        /** Sets a trait as an identify call from the channel's source would. */
        record UpdateTrait(String id, String trait, JsonNode value, String channel, String next) implements Step {
            public List<String> nextSteps() { return List.of(next); }
            public String type() { return "update_trait"; }
        }

        /** A unique code from the coupon batch, granted in the channel's name. */
        record GrantCoupon(String id, UUID batchId, String channel, String next) implements Step {
            public List<String> nextSteps() { return List.of(next); }
            public String type() { return "grant_coupon"; }
        }

        /** A task for the associates of a shop, as the message's task variant. */
        record AssociateTask(String id, String message, String location, String next) implements Step {
            public List<String> nextSteps() { return List.of(next); }
            public String type() { return "task"; }
        }

        record Webhook(String id, URI url, String next) implements Step {
            public List<String> nextSteps() { return List.of(next); }
            public String type() { return "webhook"; }
        }

        record Exit(String id) implements Step {
            public List<String> nextSteps() { return List.of(); }
            public String type() { return "exit"; }
        }
    }

    /** What a condition split asks. */
    sealed interface Check {

        /** The customer's trait compared with a value, e.g. {@code vip eq true}. */
        record OnTrait(PropertyFilter filter) implements Check {}

        /** Whether she did the event within the period before now. */
        record OnEvent(String event, Duration within) implements Check {}
    }
}
