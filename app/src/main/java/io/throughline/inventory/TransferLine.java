package io.throughline.inventory;

import io.throughline.catalog.Sku;

/** One SKU of a transfer and the units sent. */
public record TransferLine(Sku sku, int quantity) {}
