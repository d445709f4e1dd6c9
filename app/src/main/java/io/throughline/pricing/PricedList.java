package io.throughline.pricing;

import io.throughline.catalog.Sku;
import io.throughline.platform.Money;
import java.util.Map;

/** A price list with all its prices, as the quote engine reads it. */
public record PricedList(PriceList list, Map<Sku, Money> prices) {

    public PricedList {
        prices = Map.copyOf(prices);
    }
}
