package io.throughline.service.internal;

import io.throughline.service.ConversationFeed;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells the open screens that a case changed (a message arrived, an agent answered, it was assigned): the agents'
 * conversation streams and the widget's stream subscribe here. Signals are sent after the change committed and
 * carry only the case's id; a screen reads what changed itself. In memory on this node.
 */
@Component
class InboxSignals implements ConversationFeed {

    private final ConcurrentHashMap<UUID, Set<Consumer<UUID>>> byConversation = new ConcurrentHashMap<>();
    private final List<Consumer<UUID>> everything = new CopyOnWriteArrayList<>();

    /** Follows one case until the returned handle is run. */
    @Override
    public Runnable follow(UUID conversationId, Consumer<UUID> listener) {
        byConversation.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> byConversation.computeIfPresent(conversationId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    /** Follows every case (the queue view). */
    @Override
    public Runnable followAll(Consumer<UUID> listener) {
        everything.add(listener);
        return () -> everything.remove(listener);
    }

    void changed(UUID conversationId) {
        Set<Consumer<UUID>> listeners = byConversation.get(conversationId);
        if (listeners != null) {
            listeners.forEach(listener -> listener.accept(conversationId));
        }
        everything.forEach(listener -> listener.accept(conversationId));
    }
}
