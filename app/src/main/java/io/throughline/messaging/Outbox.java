package io.throughline.messaging;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * What the local sink kept for channels without a server or provider, for the console to show. (In-app cards
 * and associate tasks are read through messaging's own API.)
 */
public interface Outbox {

    /** The local sink's messages, newest first, of one channel when given. */
    Page<SinkMessage> sink(@Nullable MessageChannel channel, PageRequest pageRequest);
}
