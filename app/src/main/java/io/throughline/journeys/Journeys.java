package io.throughline.journeys;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Defining journeys and entering customers into them. Every save of a definition is a new version; customers
 * in flight finish on the version they entered, new entries take the active version.
 */
public interface Journeys {

    /**
     * Saves a new journey as version 1, paused until activated.
     *
     * @throws io.throughline.platform.InvalidRequestException naming the JSON path of the first problem,
     *         e.g. {@code $.steps.remind.next}
     * @throws io.throughline.platform.ConflictException when the key is taken
     */
    Journey create(JsonNode definition);

    /** Saves the definition as the next version; an active journey switches its new entries to it. */
    Journey update(String key, JsonNode definition);

    Journey get(String key);

    /** One version's definition as saved. */
    JourneyVersion version(String key, int version);

    Page<Journey> list(PageRequest pageRequest);

    /** Makes the latest version the one new entries take, and lets triggers enter customers. */
    Journey activate(String key);

    /** Stops new entries; customers in flight carry on. */
    Journey pause(String key);

    /**
     * Enters the customer through the journey's API trigger, with data its messages may use. The entry commits
     * first; the sends it reaches before its first wait go out after that commit, each once, before this returns.
     *
     * @throws io.throughline.platform.ConflictException when the journey is not active or its re-entry rule
     *         refuses the customer
     */
    Entry enter(String key, UUID profileId, Map<String, Object> data);

    /** What the journey would do for the customer; nothing is sent or recorded. */
    DryRun dryRun(String key, DryRunRequest request);

    /** Per-step counts and goal conversion of one version. */
    JourneyStats stats(String key, int version);
}
