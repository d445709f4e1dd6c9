package io.throughline.journeys.internal;

import io.throughline.journeys.internal.SendIntentStore.SendIntent;
import io.throughline.journeys.internal.WalkChanges.Handoff;
import io.throughline.journeys.internal.JourneyWalk.SendResult;
import io.throughline.platform.WorkerThreads;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the send and task steps after the transaction that reached them commits. A walk that reaches a send
 * step writes a send intent (instance, stage, step) with its instance and stops there; once that commits, the
 * intent is dispatched outside any transaction under its key, and a second transaction moves the instance on
 * with what the dispatch became and deletes the intent. Messaging answers a key it has seen with its first
 * decision, so an intent sent twice — a retry, or a crash after the send but before the instance moved — goes
 * out once. The writer of an intent holds a lease on it; one whose lease ran out was left by a crash, and the
 * timer poller sends it.
 *
 * <p>The API and the timer poller send on their own thread after their commit; the event processor hands its
 * intents to the sender threads here, so that the log's next batch does not wait on an SMTP server.
 */
@Component
class JourneySends implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JourneySends.class);

    private final JourneyEngine engine;
    private final InstanceStore instances;
    private final SendIntentStore intents;
    private final JourneyDefinitions definitions;
    private final LiveWorlds worlds;
    private final TransactionTemplate transactions;
    private final JourneysProperties properties;
    private final Clock clock;
    private final BlockingQueue<Handoff> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    JourneySends(JourneyEngine engine, InstanceStore instances, SendIntentStore intents,
            JourneyDefinitions definitions, LiveWorlds worlds, TransactionTemplate transactions,
            JourneysProperties properties, Clock clock) {
        this.engine = engine;
        this.instances = instances;
        this.intents = intents;
        this.definitions = definitions;
        this.worlds = worlds;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Hands the intents to the sender threads when the current transaction commits; a rollback drops them. */
    void afterCommit(List<Handoff> intents) {
        if (intents.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            queue.addAll(intents);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queue.addAll(intents);
            }
        });
    }

    /**
     * Sends the committed intents on this thread, and the sends the walks after them reach; answers how many.
     * One that fails is left with its lease, for the poller to send when the lease runs out.
     */
    int send(List<Handoff> intents) {
        Deque<Handoff> toSend = new ArrayDeque<>(intents);
        int sent = 0;
        while (!toSend.isEmpty()) {
            Handoff handoff = toSend.poll();
            try {
                toSend.addAll(sendOne(handoff));
                sent++;
            } catch (RuntimeException failed) {
                log.error("Sending step {} of journey instance {} failed; retried when its lease runs out",
                        handoff.intent().step(), handoff.intent().instanceId(), failed);
            }
        }
        return sent;
    }

    /** Sends the intents whose lease ran out by the moment: those a crash left. Answers how many. */
    int sendAbandoned(Instant moment) {
        int sent = 0;
        while (true) {
            List<SendIntent> claimed = transactions.execute(status -> intents.claimAbandoned(moment,
                    clock.instant().plus(properties.sendLease()), properties.timerBatch()));
            if (claimed == null || claimed.isEmpty()) {
                return sent;
            }
            // Left by a crash: the instance is read as it is now.
            sent += send(claimed.stream().map(intent -> new Handoff(intent, null)).toList());
            if (claimed.size() < properties.timerBatch()) {
                return sent;
            }
        }
    }

    /** Dispatches one intent and moves its instance on; answers the intents the walk wrote after it. */
    private List<Handoff> sendOne(Handoff handoff) {
        SendIntent intent = handoff.intent();
        @Nullable SendResult result = dispatch(handoff);
        List<Handoff> next = transactions.execute(status -> {
            WalkChanges changes = new WalkChanges();
            engine.afterSend(intent, result, changes);
            engine.flush(changes, intent.at());
            return changes.written();
        });
        return next == null ? List.of() : next;
    }

    /** What the dispatch became; null when the instance moved on without it (converted meanwhile). */
    private @Nullable SendResult dispatch(Handoff handoff) {
        SendIntent intent = handoff.intent();
        // The instance as the committed walk left it, when no later walk of that transaction moved it; a walk of
        // a later transaction (a goal) can move it before or after this look alike, and the move after the send
        // checks again under the instance's lock.
        Optional<Instance> instance = handoff.instance() != null ? Optional.of(handoff.instance())
                : instances.find(intent.instanceId());
        if (instance.isEmpty() || !instance.get().at(intent.stage(), intent.step())) {
            return null;
        }
        Definition definition = definitions.get(instance.get().journey, instance.get().version);
        return worlds.dispatch(instance.get(), definition.step(intent.step()), intent);
    }

    private void follow() {
        while (running) {
            try {
                Handoff handoff = queue.poll(1, TimeUnit.SECONDS);
                if (handoff != null) {
                    send(List.of(handoff));
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.sendThreads(); i++) {
            threads.add(Thread.ofVirtual().name("journey-sends-" + i).start(this::follow));
        }
    }

    /** Intents still queued stay in the table with their lease, and are sent after the restart. */
    @Override
    public void stop() {
        running = false;
        // Not interrupted: a send under way finishes (each thread looks at the flag within a second).
        WorkerThreads.joinAndClear(threads);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops with the event processors and the timer poller, before the database. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1400;
    }
}
