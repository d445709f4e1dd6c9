package io.throughline.service;

import java.util.List;

/** A case with its messages, notes and calls, oldest first. */
public record ConversationThread(Conversation conversation, List<ConversationMessage> messages) {

    public ConversationThread {
        messages = List.copyOf(messages);
    }
}
