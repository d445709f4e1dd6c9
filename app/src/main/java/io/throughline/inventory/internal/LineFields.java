package io.throughline.inventory.internal;

import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import java.util.function.Supplier;

/**
 * Runs a check or a change of one line of a many-line request, so that its refusal names the line
 * ({@code lines[2].quantity}) and the caller can show it next to the right row.
 */
final class LineFields {

    private LineFields() {}

    static <T> T atLine(int index, Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidRequestException invalid) {
            throw new InvalidRequestException(field(index, invalid.field()), invalid.reason());
        } catch (ConflictException conflict) {
            throw new ConflictException(field(index, conflict.field()), conflict.getMessage());
        }
    }

    static void atLine(int index, Runnable work) {
        atLine(index, () -> {
            work.run();
            return null;
        });
    }

    private static String field(int index, String field) {
        return "lines[" + index + "]." + field;
    }
}
