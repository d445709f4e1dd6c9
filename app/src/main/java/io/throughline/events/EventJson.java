package io.throughline.events;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper the events API writes and reads payloads with; it has no settings a caller could change. */
final class EventJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EventJson() {}
}
