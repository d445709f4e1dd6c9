package io.throughline.recommendations;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product recommended, with why.
 *
 * @param score       higher is better; comparable only within one list
 * @param explanation the reason in English words, for APIs and templates; consoles word {@link #reason} themselves
 */
public record Recommendation(String sku, @Nullable UUID productId, String name, double score, Reason reason,
        String explanation) {

    /**
     * Why it is recommended.
     *
     * @param sku     the product it comes from (bought or viewed together with it, or bought by her)
     * @param name    that product's name
     * @param channel where she bought that product (a channel key), for personal reasons
     * @param at      when she last bought it, for personal reasons
     * @param region  the region of a popular list
     */
    public record Reason(Kind kind, @Nullable String sku, @Nullable String name, @Nullable String channel,
            @Nullable Instant at, @Nullable String region) {

        public enum Kind {
            /** Bought together with a product shown or in the cart. */
            BOUGHT_TOGETHER,
            /** Viewed together with a product shown. */
            VIEWED_TOGETHER,
            /** Customers who bought what she bought also bought it. */
            BOUGHT_BY_SIMILAR,
            /** She buys it again and again. */
            BUY_AGAIN,
            POPULAR,
            TRENDING
        }
    }
}
