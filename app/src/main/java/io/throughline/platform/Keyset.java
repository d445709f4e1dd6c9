package io.throughline.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Paging a long, newest-first list by its last key instead of an offset, so that page 500 costs what page 1
 * costs. The key is a moment and an id (the id breaks ties); clients get it back as an opaque cursor.
 *
 * <p>A reader asks for {@link #fetchSize(int)} rows {@code WHERE (at, id) < (?, ?) ORDER BY at DESC, id DESC}
 * and hands them to {@link #slice}.
 */
public final class Keyset {

    private Keyset() {}

    /** Where a page starts: just after this key. */
    public record Cursor(Instant at, UUID id) {

        public String encode() {
            String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor a client sent back; refused, naming the parameter, when it is not one of ours. */
        public static Cursor parse(String parameter, String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split(":", 3);
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        UUID.fromString(parts[2]));
            } catch (RuntimeException notOurs) {
                throw new InvalidRequestException(parameter, "is not a cursor this list gave out");
            }
        }
    }

    /** A page of a keyset-paged list, with the cursor of the next page when there is one. */
    public record Slice<T>(List<T> items, @Nullable String next) {

        public Slice {
            items = List.copyOf(items);
        }
    }

    /** One row more than the page, to know whether another page follows without counting. */
    public static int fetchSize(int size) {
        return size + 1;
    }

    public static <T> Slice<T> slice(List<T> fetched, int size, Function<T, Cursor> keyOf) {
        if (fetched.size() <= size) {
            return new Slice<>(fetched, null);
        }
        List<T> page = fetched.subList(0, size);
        return new Slice<>(page, keyOf.apply(page.getLast()).encode());
    }
}
