package io.throughline.pricing;

import io.throughline.platform.Money;

/** The price of one SKU on one price list. */
public record PriceEntry(String sku, Money price) {}
