package io.throughline.privacy.internal.registry;

import org.jspecify.annotations.Nullable;

/**
 * A column that holds personal data.
 *
 * @param anonymiseTo what the column becomes when its table is anonymised (see {@link Anonymisation}); null
 *                    where the table's rows are deleted or kept
 */
public record PersonalColumn(String name, Category category, @Nullable Anonymisation anonymiseTo) {}
