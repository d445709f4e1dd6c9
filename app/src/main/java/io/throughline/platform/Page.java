package io.throughline.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/** One page of a longer, ordered list, with what a client needs to fetch the next one. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    @JsonProperty
    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }

    @JsonProperty
    public boolean hasNext() {
        return (long) (page + 1) * size < totalItems;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
