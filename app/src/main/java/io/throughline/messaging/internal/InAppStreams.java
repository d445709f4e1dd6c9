package io.throughline.messaging.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of each profile on this node, to which a new in-app card is pushed as it
 * is stored. A client that reconnects reads the unread cards first, so a card sent while it was away, or to
 * another node, is not missed.
 */
@Component
class InAppStreams {

    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    SseEmitter open(UUID profileId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        Set<SseEmitter> profileStreams = streams.computeIfAbsent(profileId, id -> new CopyOnWriteArraySet<>());
        profileStreams.add(emitter);
        Runnable close = () -> profileStreams.remove(emitter);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(failure -> close.run());
        return emitter;
    }

    void publish(InAppCard card) {
        for (SseEmitter emitter : streams.getOrDefault(card.profileId(), Set.of())) {
            send(emitter, card);
        }
    }

    static void send(SseEmitter emitter, InAppCard card) {
        try {
            emitter.send(SseEmitter.event().name("card").id(card.id().toString()).data(card));
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
