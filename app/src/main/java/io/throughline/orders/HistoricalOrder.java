package io.throughline.orders;

import io.throughline.platform.Channel;
import io.throughline.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order sold before the platform ran, as another system kept it: its own number, when and on which channel it
 * was sold, to whom, and its lines at the prices it was sold at. Recorded as handed over (delivered, or collected
 * at the counter), since it is history.
 *
 * @param number      the other system's order number; an order is recorded once per number
 * @param profileId   the customer, when known; else {@code anonymousId} names the guest
 * @param country     where it was sold to, as the other system named it (the customer event carries it)
 */
public record HistoricalOrder(String number, Instant at, Channel channel, @Nullable UUID profileId,
        @Nullable String anonymousId, String currency, DeliveryMethod delivery, List<Line> lines,
        @Nullable String country) {

    /**
     * One line as sold.
     *
     * @param productId null for what is not a catalogue product (postage, a fee): recorded, never recommended
     */
    public record Line(String sku, @Nullable UUID productId, String name, int quantity, Money unitPrice) {

        public Line {
            if (quantity < 1) {
                throw new IllegalArgumentException("An order line sells at least one unit");
            }
        }
    }

    public HistoricalOrder {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order has at least one line");
        }
    }
}
