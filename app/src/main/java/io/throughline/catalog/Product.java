package io.throughline.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product as staff manage it, with its variants, categories, attributes, images and assortment. */
public record Product(UUID id, String name, String description, boolean active, List<Variant> variants,
        List<Category> categories, List<Attribute> attributes, List<ProductImage> images,
        List<ChannelAssortment> assortment, Instant createdAt, Instant updatedAt) {

    public Product {
        variants = List.copyOf(variants);
        categories = List.copyOf(categories);
        attributes = List.copyOf(attributes);
        images = List.copyOf(images);
        assortment = List.copyOf(assortment);
    }
}
