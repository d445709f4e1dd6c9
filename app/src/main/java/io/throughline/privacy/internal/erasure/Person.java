package io.throughline.privacy.internal.erasure;

import java.util.List;
import java.util.UUID;

/**
 * One person as the database knows her: every profile id that is hers (the survivor and every profile merged into
 * it), and every identifier those profiles hold.
 */
record Person(UUID asked, List<UUID> profileIds, List<Identified> identifiers) {

    record Identified(String type, String value) {}

    Person {
        profileIds = List.copyOf(profileIds);
        identifiers = List.copyOf(identifiers);
    }

    UUID[] ids() {
        return profileIds.toArray(UUID[]::new);
    }

    String[] values() {
        return identifiers.stream().map(Identified::value).distinct().toArray(String[]::new);
    }
}
