package io.throughline.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.throughline.journeys.DryRun;
import io.throughline.journeys.DryRunRequest.HypotheticalEvent;
import io.throughline.journeys.internal.Definition.Check;
import io.throughline.journeys.internal.Definition.Step;
import io.throughline.journeys.internal.JourneyWalk.Resumption;
import io.throughline.journeys.internal.JourneyWalk.SendResult;
import io.throughline.journeys.internal.JourneyWalk.Stop;
import io.throughline.messaging.MessageChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The step interpreter and the dry-run simulation on their own, with a world that records what it is asked. */
class JourneyWalkTests {

    static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String CART = """
            {"key": "cart", "name": "Cart", "trigger": {"event": "Product Added"},
             "goal": {"event": "Order Completed"}, "start": "wait",
             "steps": {
               "wait": {"type": "wait_for_event", "event": "Order Completed", "timeout": "48h",
                        "onEvent": "done", "onTimeout": "vip"},
               "vip": {"type": "condition", "if": {"trait": "vip", "op": "eq", "value": true},
                       "then": "remind", "else": "split"},
               "split": {"type": "random_split", "branches": [{"percent": 50, "next": "remind"},
                                                               {"percent": 50, "control": true}]},
               "remind": {"type": "send", "message": "Reminder", "next": "done"},
               "done": {"type": "exit"}}}""";

    /** A world whose sends hold once at night and send otherwise, and whose customer may be a VIP. */
    static final class RecordingWorld implements JourneyWalk.World {
        final List<String> sends = new ArrayList<>();
        boolean vip;
        Instant quietUntil;

        @Override
        public SendResult send(Step.Send step, Instant at) {
            if (quietUntil != null && at.isBefore(quietUntil)) {
                return new SendResult.Held(MessageChannel.SMS, quietUntil, List.of("sms held: quiet hours"));
            }
            sends.add(step.message() + "@" + at);
            return new SendResult.Sent(MessageChannel.EMAIL, List.of("email chosen"));
        }

        @Override
        public SendResult task(Step.AssociateTask step, Instant at) {
            return new SendResult.Sent(MessageChannel.TASK, List.of());
        }

        @Override
        public String updateTrait(Step.UpdateTrait step, Instant at) {
            return "set";
        }

        @Override
        public String grantCoupon(Step.GrantCoupon step, Instant at) {
            return "granted";
        }

        @Override
        public String webhook(Step.Webhook step, Instant at) {
            return "called";
        }

        @Override
        public boolean check(Check check, Instant at) {
            return vip;
        }
    }

    static Definition cart() {
        return new DefinitionParser(name -> true, channel -> true).parse(JSON.readTree(CART));
    }

    @Test
    void aNewEntryWaitsForTheOrderWithATimeoutFortyEightHoursLater() {
        var result = new JourneyWalk(cart(), UUID.randomUUID(), new RecordingWorld()).enter(MONDAY_NOON);

        assertThat(result.stop()).isEqualTo(new Stop.Awaiting("wait", cart().goal(), MONDAY_NOON.plus(Duration.ofHours(48))));
        assertThat(result.arrived()).containsExactly("wait");
        assertThat(result.left()).isEmpty();
    }

    @Test
    void aTimeoutSendsTheReminderToAVipAndLeaves() {
        RecordingWorld world = new RecordingWorld();
        world.vip = true;
        Instant timeout = MONDAY_NOON.plus(Duration.ofHours(48));

        var result = new JourneyWalk(cart(), UUID.randomUUID(), world).resume("wait", Resumption.TIMEOUT, timeout);

        assertThat(world.sends).containsExactly("Reminder@" + timeout);
        assertThat(result.stop()).isEqualTo(new Stop.Ended("done", JourneyWalk.Ending.COMPLETED));
        assertThat(result.arrived()).containsExactly("vip", "remind", "done");
        assertThat(result.left()).containsExactly("wait", "vip", "remind", "done");
        assertThat(result.visits()).extracting(DryRun.Visit::result)
                .containsExactly("timed out", "then", "sent", "exited");
    }

    @Test
    void theAwaitedEventSkipsTheReminder() {
        RecordingWorld world = new RecordingWorld();

        var result = new JourneyWalk(cart(), UUID.randomUUID(), world).resume("wait", Resumption.EVENT, MONDAY_NOON);

        assertThat(world.sends).isEmpty();
        assertThat(result.stop().step()).isEqualTo("done");
    }

    @Test
    void aHeldSendParksOnAHoldTimerAndIsTriedAgainWhenItFires() {
        RecordingWorld world = new RecordingWorld();
        world.vip = true;
        world.quietUntil = MONDAY_NOON.plus(Duration.ofHours(9));
        JourneyWalk walk = new JourneyWalk(cart(), UUID.randomUUID(), world);

        var held = walk.resume("wait", Resumption.TIMEOUT, MONDAY_NOON);
        var released = walk.resume("remind", Resumption.TIMER, world.quietUntil);

        assertThat(held.stop()).isEqualTo(new Stop.Parked("remind", world.quietUntil, JourneyWalk.TimerKind.HOLD));
        assertThat(held.left()).doesNotContain("remind");
        assertThat(released.arrived()).containsExactly("done");
        assertThat(released.left()).containsExactly("remind", "done");
        assertThat(world.sends).containsExactly("Reminder@" + world.quietUntil);
    }

    @Test
    void theRandomSplitSendsAboutHalfToTheControlGroupAndEachCustomerAlwaysTheSameWay() {
        int control = 0;
        for (int i = 0; i < 2000; i++) {
            UUID profile = UUID.randomUUID();
            var first = new JourneyWalk(cart(), profile, new RecordingWorld()).resume("wait", Resumption.TIMEOUT,
                    MONDAY_NOON);
            var again = new JourneyWalk(cart(), profile, new RecordingWorld()).resume("wait", Resumption.TIMEOUT,
                    MONDAY_NOON);
            assertThat(again.stop()).isEqualTo(first.stop());
            if (first.stop() instanceof Stop.Ended ended && ended.ending() == JourneyWalk.Ending.CONTROL) {
                control++;
            }
        }
        assertThat(control).isBetween(850, 1150);
    }

    @Test
    void waitingUntilATimeOfDayWaitsForTheNextSuchMomentInTheZone() {
        Definition definition = new DefinitionParser(name -> true, channel -> true).parse(JSON.readTree("""
                {"key": "morning", "name": "Morning", "trigger": {"api": true}, "start": "morning",
                 "steps": {"morning": {"type": "wait_until", "time": "09:00", "zone": "Europe/Budapest", "next": "done"},
                           "done": {"type": "exit"}}}"""));

        var result = new JourneyWalk(definition, UUID.randomUUID(), new RecordingWorld()).enter(MONDAY_NOON);

        assertThat(result.stop()).isEqualTo(new Stop.Parked("morning", Instant.parse("2026-11-24T08:00:00Z"),
                JourneyWalk.TimerKind.WAIT));
    }

    @Test
    void theDryRunFollowsHypotheticalEventsAndStopsAtTheGoal() {
        RecordingWorld world = new RecordingWorld();
        world.vip = true;
        Definition definition = cart();
        UUID profile = UUID.randomUUID();

        DryRun noOrder = new DryRunSimulation(definition, 1, new JourneyWalk(definition, profile, world), List.of())
                .run(MONDAY_NOON);
        DryRun ordered = new DryRunSimulation(definition, 1, new JourneyWalk(definition, profile, world), List.of(
                new HypotheticalEvent("Order Completed", MONDAY_NOON.plus(Duration.ofHours(30)), Map.of())))
                .run(MONDAY_NOON);

        assertThat(noOrder.outcome()).isEqualTo("completed");
        assertThat(noOrder.path()).extracting(DryRun.Visit::step).containsExactly("wait", "wait", "vip", "remind",
                "done");
        assertThat(noOrder.path().get(3).at()).isEqualTo(MONDAY_NOON.plus(Duration.ofHours(48)));
        assertThat(noOrder.path().get(3).channel()).isEqualTo("email");
        assertThat(ordered.outcome()).isEqualTo("converted");
        assertThat(ordered.path().getLast().at()).isEqualTo(MONDAY_NOON.plus(Duration.ofHours(30)));
    }
}
