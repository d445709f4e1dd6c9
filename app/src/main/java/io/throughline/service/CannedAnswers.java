package io.throughline.service;

import java.util.List;
import java.util.UUID;

/** The canned answers of the inbox, and each filled in for one case's customer and agent. */
public interface CannedAnswers {

    /** The placeholders a body may use. */
    List<String> PLACEHOLDERS = List.of("firstName", "lastName", "fullName", "agentName");

    List<CannedAnswer> list();

    /** @throws io.throughline.platform.InvalidRequestException naming the field, e.g. an unknown placeholder */
    CannedAnswer create(String shortcut, String title, String body);

    CannedAnswer update(UUID id, String shortcut, String title, String body);

    void delete(UUID id);

    /** The answer's body with the placeholders filled from the case's customer and the agent writing. */
    String fill(UUID answerId, UUID conversationId, UUID staffId);
}
