package io.throughline.platform;

import tools.jackson.databind.JsonNode;

/**
 * Reading fields of a JSON definition that staff wrote (a journey, a segment), so that every refusal names the
 * JSON path at fault in the same words: {@code $.steps.remind.message is required}.
 */
public final class JsonFields {

    private JsonFields() {}

    /** The field's value; refused when it is missing or null. */
    public static JsonNode required(JsonNode json, String path, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw problem(path + "." + field, "is required");
        }
        return value;
    }

    /** The field's text; refused when it is missing or not a string. */
    public static String text(JsonNode json, String path, String field) {
        JsonNode value = required(json, path, field);
        if (!value.isString()) {
            throw problem(path + "." + field, "must be text");
        }
        return value.asString();
    }

    /** A refusal naming the JSON path at fault, answered as problem+json with the path as its field. */
    public static InvalidRequestException problem(String path, String reason) {
        return new InvalidRequestException(path, reason);
    }
}
