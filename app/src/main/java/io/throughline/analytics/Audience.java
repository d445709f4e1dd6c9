package io.throughline.analytics;

import java.util.Set;
import java.util.UUID;

/**
 * The customers a figure is narrowed to, such as a segment's members at the time of asking. Figures that belong to no
 * customer (marketing spend, stock-outs) are not narrowed.
 *
 * @param name what staff call them (a segment's key), for the page and the export
 */
public record Audience(String name, Set<UUID> members) {

    public Audience {
        members = Set.copyOf(members);
    }
}
