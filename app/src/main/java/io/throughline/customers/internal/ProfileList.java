package io.throughline.customers.internal;

import io.throughline.customers.CustomerProfile;
import io.throughline.platform.Keyset;
import io.throughline.platform.Page;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The profiles list as the API answers it: numbered pages with their totals when asked by {@code page}, or a
 * slice after a cursor without them (counting a million profiles on every page would cost more than reading
 * the page). Either way {@code next} is the cursor of what follows, so a client can leave numbered pages for
 * cursors at any point.
 */
record ProfileList(List<CustomerProfile> items, @Nullable Integer page, int size, @Nullable Long totalItems,
        @Nullable Long totalPages, boolean hasNext, @Nullable String next) {

    static ProfileList of(Page<CustomerProfile> page) {
        String next = page.hasNext() && !page.items().isEmpty() ? cursorAfter(page.items().getLast()) : null;
        return new ProfileList(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages(),
                page.hasNext(), next);
    }

    static ProfileList of(Keyset.Slice<CustomerProfile> slice, int size) {
        return new ProfileList(slice.items(), null, size, null, null, slice.next() != null, slice.next());
    }

    private static String cursorAfter(CustomerProfile profile) {
        return new Keyset.Cursor(profile.createdAt(), profile.id()).encode();
    }
}
