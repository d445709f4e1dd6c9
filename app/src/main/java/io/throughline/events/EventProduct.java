package io.throughline.events;

import io.throughline.platform.Money;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One product line as commerce events describe it, with Segment's property names (sku, name, price, quantity). */
public record EventProduct(String sku, @Nullable UUID productId, String name, @Nullable Money price, int quantity) {}
