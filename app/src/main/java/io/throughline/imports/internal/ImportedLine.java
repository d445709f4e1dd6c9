package io.throughline.imports.internal;

import io.throughline.platform.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One order line of the file as the mapping reads it.
 *
 * @param returned   a line of a cancellation or return document (its quantity is then the units given back)
 * @param charge     a code that is not a product (postage, a fee): recorded without a product
 * @param customer   the customer's identifier, normalised; null for a guest
 * @param channelKey the line's channel when a column holds it; null for the mapping's
 */
record ImportedLine(long line, String orderNumber, boolean returned, Instant at, String sku, String description,
        int quantity, Money unitPrice, boolean charge, @Nullable String customer, @Nullable String channelKey,
        @Nullable String country) {}
