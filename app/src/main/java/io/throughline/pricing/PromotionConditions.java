package io.throughline.pricing;

import io.throughline.catalog.Sku;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * When a promotion applies. Empty lists mean "any": a promotion with no channels runs in every channel.
 * {@code segments} match when the quote's context names at least one of them. {@code products} and
 * {@code categories} select the qualifying lines (a line qualifies when its SKU is listed or it is filed under
 * one of the categories or their descendants); with neither, every line qualifies. {@code minimumSpend} is
 * compared with the whole cart at list prices.
 */
public record PromotionConditions(
        List<String> channels,
        List<String> customerGroups,
        List<String> segments,
        @Nullable Money minimumSpend,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable TimeWindow hours,
        List<Sku> products,
        List<UUID> categories) {

    public PromotionConditions {
        channels = channels == null ? List.of() : List.copyOf(channels);
        customerGroups = customerGroups == null ? List.of() : List.copyOf(customerGroups);
        segments = segments == null ? List.of() : List.copyOf(segments);
        products = products == null ? List.of() : List.copyOf(products);
        categories = categories == null ? List.of() : List.copyOf(categories);
        for (String channel : channels) {
            if (channel == null || !channel.matches(PriceList.CHANNEL_PATTERN)) {
                throw new InvalidRequestException("conditions.channels", "must be channel keys (lower-case letters, digits and dashes)");
            }
        }
        if (minimumSpend != null && minimumSpend.isNegative()) {
            throw new InvalidRequestException("conditions.minimumSpend", "must be zero or more");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new InvalidRequestException("conditions.endsAt", "must be after startsAt");
        }
    }

    public static PromotionConditions always() {
        return new PromotionConditions(null, null, null, null, null, null, null, null, null);
    }

    public Set<Sku> productSet() {
        return Set.copyOf(products);
    }
}
