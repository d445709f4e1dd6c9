package io.throughline.messaging.internal;

import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.PageRequest;

/** The page sizes messaging's keyset-paged lists accept: those of every other list. */
final class KeysetPages {

    private KeysetPages() {}

    static void checkSize(int size) {
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
    }
}
