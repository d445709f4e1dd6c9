/**
 * The personal-data registry: every table of the schema, what of it is personal data, how it leads to the person
 * and what erasure does to it. Read from {@code privacy/registry/*.yaml}, one file per module.
 */
@NullMarked
package io.throughline.privacy.internal.registry;

import org.jspecify.annotations.NullMarked;
