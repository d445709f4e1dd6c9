package io.throughline.service;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Live changes of cases for open screens (the agent's conversation, the queue): the listener gets the id of a
 * case that changed, after the change committed, and reads what it needs. Run the returned handle to stop.
 */
public interface ConversationFeed {

    Runnable follow(UUID conversationId, Consumer<UUID> listener);

    Runnable followAll(Consumer<UUID> listener);
}
