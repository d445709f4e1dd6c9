package io.throughline.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One named property of a product or a variant, e.g. {@code vintage = 2017} or {@code bottle = 500 ml}. */
public record Attribute(@NotBlank @Size(max = 100) String name, @NotNull @Size(max = 1000) String value) {}
