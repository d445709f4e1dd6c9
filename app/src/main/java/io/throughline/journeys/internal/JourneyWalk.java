package io.throughline.journeys.internal;

import io.throughline.journeys.DryRun.Visit;
import io.throughline.journeys.internal.Definition.Check;
import io.throughline.journeys.internal.Definition.EventMatch;
import io.throughline.journeys.internal.Definition.Step;
import io.throughline.messaging.MessageChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The step interpreter: from a step, it carries one customer through the definition until a step makes her
 * wait (a timer, an awaited event, a held send) or she leaves, and reports every step she passed. It acts
 * through a {@link World} and keeps no state of its own, so the engine, the dry run and the unit tests share
 * it.
 */
final class JourneyWalk {

    /** A walk that passes this many steps without waiting has a bug the cycle check missed. */
    static final int MAX_HOPS = 500;

    /** What the walk does and asks in the world. */
    interface World {

        SendResult send(Step.Send step, Instant at);

        SendResult task(Step.AssociateTask step, Instant at);

        /** Answers what happened, for the step's result, e.g. {@code "cart_reminded = true"}. */
        String updateTrait(Step.UpdateTrait step, Instant at);

        String grantCoupon(Step.GrantCoupon step, Instant at);

        String webhook(Step.Webhook step, Instant at);

        boolean check(Check check, Instant at);
    }

    /** What became of a send, as the channel choice decided. */
    sealed interface SendResult {

        List<String> reasons();

        record Sent(MessageChannel channel, List<String> reasons) implements SendResult {}

        /** Quiet hours: to be sent again at {@code until}. */
        record Held(MessageChannel channel, Instant until, List<String> reasons) implements SendResult {}

        record Skipped(List<String> reasons) implements SendResult {}

        /**
         * To be dispatched after the transaction that walked here commits: the walk stops at the step and
         * {@link #afterSend resumes} with what the dispatch became.
         */
        record Pending() implements SendResult {
            @Override
            public List<String> reasons() {
                return List.of();
            }
        }
    }

    /** Why a timer was set. */
    enum TimerKind { WAIT, TIMEOUT, HOLD }

    /** How a walk resumes at a step where the customer waited. */
    enum Resumption { TIMER, EVENT, TIMEOUT }

    /** How the customer ended up when the walk stopped. */
    enum Ending {
        COMPLETED, CONTROL;

        InstanceState state() {
            return InstanceState.valueOf(name());
        }
    }

    /** Where the walk stopped. */
    sealed interface Stop {

        String step();

        /** Waiting at the step until the timer is due. */
        record Parked(String step, Instant due, TimerKind kind) implements Stop {}

        /** Waiting at the step for the event, or until the timeout. */
        record Awaiting(String step, EventMatch match, Instant timeoutAt) implements Stop {}

        /** Left the journey at the step. */
        record Ended(String step, Ending ending) implements Stop {}

        /** At a send or task step whose dispatch goes out after the commit. */
        record Sending(String step) implements Stop {}
    }

    /**
     * One walk: the steps passed with their results, the steps arrived at and left (for the per-step counts),
     * and where it stopped.
     */
    record Result(List<Visit> visits, List<String> arrived, List<String> left, Stop stop) {}

    private final Definition definition;
    private final UUID profileId;
    private final World world;

    JourneyWalk(Definition definition, UUID profileId, World world) {
        this.definition = definition;
        this.profileId = profileId;
        this.world = world;
    }

    /** A new entry: from the start step. */
    Result enter(Instant now) {
        return run(definition.start(), true, now, new Trace());
    }

    /** Goes on from the step where the customer waited. */
    Result resume(String stepId, Resumption how, Instant now) {
        Step step = definition.step(stepId);
        Trace trace = new Trace();
        return switch (step) {
            case Step.Wait wait when how == Resumption.TIMER -> leave(trace, wait, now, "waited", wait.next());
            case Step.WaitUntil wait when how == Resumption.TIMER -> leave(trace, wait, now, "waited", wait.next());
            case Step.WaitForEvent wait when how == Resumption.EVENT ->
                    leave(trace, wait, now, "event arrived: " + wait.match().event(), wait.onEvent());
            case Step.WaitForEvent wait when how == Resumption.TIMEOUT ->
                    leave(trace, wait, now, "timed out", wait.onTimeout());
            // A held send is tried again at the end of the quiet hours.
            case Step.Send send when how == Resumption.TIMER -> run(send.id(), false, now, trace);
            case Step.AssociateTask task when how == Resumption.TIMER -> run(task.id(), false, now, trace);
            default -> throw new IllegalStateException(
                    "Cannot resume step " + stepId + " (" + step.type() + ") by " + how);
        };
    }

    /** Goes on from a send or task step with what its dispatch after the commit became. */
    Result afterSend(String stepId, SendResult sent, Instant now) {
        Trace trace = new Trace();
        Step step = definition.step(stepId);
        String next = switch (step) {
            case Step.Send send -> send.next();
            case Step.AssociateTask task -> task.next();
            default -> throw new IllegalStateException("Step " + stepId + " (" + step.type() + ") sends nothing");
        };
        Result held = sent(step, sent, now, trace);
        if (held != null) {
            return held;
        }
        trace.left.add(stepId);
        return run(next, true, now, trace);
    }

    /** Records the send's result; answers the walk's stop when the send makes it wait, else null. */
    private @Nullable Result sent(Step step, SendResult sent, Instant now, Trace trace) {
        return switch (sent) {
            case SendResult.Held held -> {
                trace.visit(step, now, "held until " + held.until(), held.channel(), held.reasons());
                yield trace.stop(new Stop.Parked(step.id(), held.until(), TimerKind.HOLD));
            }
            case SendResult.Pending pending -> {
                trace.visit(step, now, "sending after commit", null, List.of());
                yield trace.stop(new Stop.Sending(step.id()));
            }
            case SendResult.Sent done -> {
                trace.send(step, now, done);
                yield null;
            }
            case SendResult.Skipped skipped -> {
                trace.send(step, now, skipped);
                yield null;
            }
        };
    }

    private Result leave(Trace trace, Step step, Instant now, String result, String next) {
        trace.visit(step, now, result, null, List.of());
        trace.left.add(step.id());
        return run(next, true, now, trace);
    }

    private Result run(String from, boolean arriving, Instant now, Trace trace) {
        String current = from;
        boolean arrive = arriving;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Step step = definition.step(current);
            if (arrive) {
                trace.arrived.add(current);
            }
            String next;
            switch (step) {
                case Step.Wait wait -> {
                    Instant due = now.plus(wait.duration());
                    trace.visit(step, now, "waiting until " + due, null, List.of());
                    return trace.stop(new Stop.Parked(current, due, TimerKind.WAIT));
                }
                case Step.WaitUntil wait -> {
                    Instant due = Times.nextTimeOfDay(now, wait.time(), wait.zone());
                    trace.visit(step, now, "waiting until " + due, null, List.of());
                    return trace.stop(new Stop.Parked(current, due, TimerKind.WAIT));
                }
                case Step.WaitForEvent wait -> {
                    Instant timeoutAt = now.plus(wait.timeout());
                    trace.visit(step, now, "waiting for " + wait.match().event() + " until " + timeoutAt, null,
                            List.of());
                    return trace.stop(new Stop.Awaiting(current, wait.match(), timeoutAt));
                }
                case Step.Condition condition -> {
                    boolean holds = world.check(condition.check(), now);
                    trace.visit(step, now, holds ? "then" : "else", null, List.of());
                    next = holds ? condition.then() : condition.otherwise();
                }
                case Step.RandomSplit split -> {
                    Step.Branch branch = branchOf(split);
                    trace.visit(step, now, "branch " + branch.name(), null, List.of());
                    if (branch.next() == null) {
                        trace.left.add(current);
                        return trace.stop(new Stop.Ended(current, Ending.CONTROL));
                    }
                    next = branch.next();
                }
                case Step.Send send -> {
                    Result stopped = sent(step, world.send(send, now), now, trace);
                    if (stopped != null) {
                        return stopped;
                    }
                    next = send.next();
                }
                case Step.AssociateTask task -> {
                    Result stopped = sent(step, world.task(task, now), now, trace);
                    if (stopped != null) {
                        return stopped;
                    }
                    next = task.next();
                }
                case Step.UpdateTrait update -> {
                    trace.visit(step, now, world.updateTrait(update, now), null, List.of());
                    next = update.next();
                }
                case Step.GrantCoupon grant -> {
                    trace.visit(step, now, world.grantCoupon(grant, now), null, List.of());
                    next = grant.next();
                }
                case Step.Webhook webhook -> {
                    trace.visit(step, now, world.webhook(webhook, now), null, List.of());
                    next = webhook.next();
                }
                case Step.Exit exit -> {
                    trace.visit(step, now, "exited", null, List.of());
                    trace.left.add(current);
                    return trace.stop(new Stop.Ended(current, Ending.COMPLETED));
                }
            }
            trace.left.add(current);
            current = next;
            arrive = true;
        }
        throw new IllegalStateException("Journey " + definition.key() + " passed " + MAX_HOPS
                + " steps without waiting");
    }

    /** The same customer always takes the same branch of the same split, in the dry run as in the journey. */
    private Step.Branch branchOf(Step.RandomSplit split) {
        int bucket = bucket(profileId, definition.key(), split.id());
        int upTo = 0;
        for (Step.Branch branch : split.branches()) {
            upTo += branch.percent();
            if (bucket < upTo) {
                return branch;
            }
        }
        return split.branches().getLast();
    }

    /** 0 to 99, evenly spread over customers. */
    static int bucket(UUID profileId, String journey, String step) {
        CRC32 crc = new CRC32();
        crc.update((profileId + "/" + journey + "/" + step).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    /** What a walk collects on its way. */
    private static final class Trace {
        final List<Visit> visits = new ArrayList<>();
        final List<String> arrived = new ArrayList<>();
        final List<String> left = new ArrayList<>();

        void visit(Step step, Instant at, String result, @Nullable MessageChannel channel, List<String> reasons) {
            visits.add(new Visit(step.id(), step.type(), at, result, channel == null ? null : channel.key(),
                    reasons));
        }

        void send(Step step, Instant at, SendResult result) {
            switch (result) {
                case SendResult.Sent sent -> visit(step, at, "sent", sent.channel(), sent.reasons());
                case SendResult.Skipped skipped -> visit(step, at, "skipped", null, skipped.reasons());
                case SendResult.Held held -> throw new IllegalStateException("a hold parks the walk");
                case SendResult.Pending pending -> throw new IllegalStateException("a pending send stops the walk");
            }
        }

        Result stop(Stop stop) {
            return new Result(visits, arrived, left, stop);
        }
    }
}
