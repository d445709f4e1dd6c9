package io.throughline.messaging;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the channels hold for people to read: in-app cards, associate tasks and the local sink. */
public interface Outbox {

    List<InAppCard> unreadCards(UUID profileId);

    void markRead(UUID cardId);

    /** A shop's open tasks, oldest first. */
    Page<AssociateTask> openTasks(String location, PageRequest pageRequest);

    void completeTask(UUID taskId);

    /** The local sink's messages, newest first, of one channel when given. */
    Page<SinkMessage> sink(@Nullable MessageChannel channel, PageRequest pageRequest);
}
