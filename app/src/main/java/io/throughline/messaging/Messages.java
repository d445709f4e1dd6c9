package io.throughline.messaging;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Defining messages and previewing them. */
public interface Messages {

    /** @throws io.throughline.platform.InvalidRequestException naming the variant field that breaks a rule */
    Message create(NewMessage message);

    Message update(UUID id, NewMessage message);

    Message get(UUID id);

    /** The message of that name, ignoring case, e.g. for loaders and journeys that refer to it by name. */
    Optional<Message> findByName(String name);

    Page<Message> list(PageRequest pageRequest);

    /**
     * Every variant of the message (of one channel, when given) rendered for the customer, or for a sample
     * customer when no profile is given, with the caller's data.
     */
    /**
     * A message not yet saved, each variant rendered for the sample customer, e.g. while staff write it; the
     * variants are rendered as they stand, without the checks {@link #create} makes.
     */
    List<Preview> previewDraft(NewMessage draft);

    List<Preview> preview(UUID messageId, @Nullable MessageChannel channel, @Nullable UUID profileId,
            Map<String, Object> data);
}
