package io.throughline.segments.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON as segments read it: decimals as exact decimals, so a sum in Java is the sum PostgreSQL's numeric
 * makes of the same values.
 */
@Component
class SegmentJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    ObjectNode emptyObject() {
        return MAPPER.createObjectNode();
    }
}
