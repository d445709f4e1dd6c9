/**
 * The one catalogue every channel sells from: products and their variants (SKU, GTIN), categories,
 * attributes, images, and which channels sell what from when.
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = {"platform"})
@NullMarked
package io.throughline.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
