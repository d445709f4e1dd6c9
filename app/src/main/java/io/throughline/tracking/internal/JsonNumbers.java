package io.throughline.tracking.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Finds numbers a JSON text can spell but a double cannot hold ({@code 1e999}): Jackson reads them as infinity,
 * which would be stored as the string {@code "Infinity"} in place of the number the client sent.
 */
final class JsonNumbers {

    private JsonNumbers() {}

    /** The path of the first number out of a double's range, such as {@code properties.price}; null if none. */
    static @Nullable String firstNonFinite(JsonNode root) {
        // Every event is checked, nearly always in vain: the walk allocates nothing until it finds one.
        return allFinite(root) ? null : pathOfNonFinite(root, "");
    }

    private static boolean allFinite(JsonNode node) {
        if (node.isNumber()) {
            return Double.isFinite(node.asDouble());
        }
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (!allFinite(child)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static @Nullable String pathOfNonFinite(JsonNode node, String path) {
        if (node.isNumber()) {
            return Double.isFinite(node.asDouble()) ? null : path;
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                String found = pathOfNonFinite(field.getValue(),
                        path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = pathOfNonFinite(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
