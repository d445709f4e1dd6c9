package io.throughline.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * "Profiles Merged" and "Profiles Unmerged" as typed values, written and read here only, so that the
 * processors that follow merges (timelines, journeys, engagement, points, conversations, segments…) never
 * spell the payload themselves. Only events the platform wrote count: a channel cannot merge profiles by
 * sending an event with that name.
 */
public sealed interface ProfileMergeEvent {

    /** The profile that stays. */
    UUID survivor();

    /** {@code merged} joined {@code survivor}; everything of hers now belongs to the survivor. */
    record Merged(UUID survivor, UUID merged, String cause) implements ProfileMergeEvent {}

    /** {@code restored} was split out of {@code survivor} again and is a profile of her own. */
    record Unmerged(UUID survivor, UUID restored) implements ProfileMergeEvent {}

    /** The merge or unmerge this logged event records, or empty for any other event. */
    static Optional<ProfileMergeEvent> in(LoggedEvent event) {
        if (!event.fromPlatform() || event.name() == null) {
            return Optional.empty();
        }
        boolean merged = EventNames.PROFILES_MERGED.equals(event.name());
        if (!merged && !EventNames.PROFILES_UNMERGED.equals(event.name())) {
            return Optional.empty();
        }
        JsonNode properties = EventJson.MAPPER.readTree(event.payload()).path("properties");
        UUID survivor = UUID.fromString(properties.path("survivor").asString());
        return Optional.of(merged
                ? new Merged(survivor, UUID.fromString(properties.path("merged").asString()),
                        properties.path("cause").asString(""))
                : new Unmerged(survivor, UUID.fromString(properties.path("restored").asString())));
    }

    /** The event to append for this merge or unmerge, filed on the profile the timeline shows it on. */
    default EventToAppend toAppend(String messageId, Instant now) {
        return switch (this) {
            case Merged merge -> CustomerEvent.track(EventNames.PROFILES_MERGED, CustomerEvent.PLATFORM, now)
                    .about(merge.survivor(), null)
                    .property("survivor", merge.survivor())
                    .property("merged", merge.merged())
                    .property("cause", merge.cause())
                    .toAppend(messageId, now);
            case Unmerged unmerge -> CustomerEvent.track(EventNames.PROFILES_UNMERGED, CustomerEvent.PLATFORM, now)
                    .about(unmerge.restored(), null)
                    .property("survivor", unmerge.survivor())
                    .property("restored", unmerge.restored())
                    .toAppend(messageId, now);
        };
    }

}
