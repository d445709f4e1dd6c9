/**
 * Erasure and export of a customer's personal data, both driven by the personal-data registry: the statements are
 * derived from its entries, never written per module.
 */
@NullMarked
package io.throughline.privacy.internal.erasure;

import org.jspecify.annotations.NullMarked;
