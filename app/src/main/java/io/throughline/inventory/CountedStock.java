package io.throughline.inventory;

import io.throughline.catalog.Sku;

/** One SKU of a count: how many units were found on the shelf. */
public record CountedStock(Sku sku, int counted) {}
