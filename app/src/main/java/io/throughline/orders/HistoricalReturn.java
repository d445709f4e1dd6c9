package io.throughline.orders;

import io.throughline.platform.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Goods a customer gave back (or an order line cancelled) before the platform ran, as another system kept it: a
 * document of its own that names no order, so each unit is taken back from her latest earlier order that sold the
 * SKU and still has it.
 *
 * @param number the other system's number for the cancellation or return
 */
public record HistoricalReturn(String number, Instant at, Channel channel, @Nullable UUID profileId,
        @Nullable String anonymousId, List<Line> lines) {

    public record Line(String sku, String name, int quantity) {}

    public HistoricalReturn {
        lines = List.copyOf(lines);
    }
}
