package io.throughline.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A category to create under {@code parentId} (a root category when null). Without a slug, the slug is the
 * name folded to lower-case ASCII with dashes ("Hárslevelű" becomes {@code harslevelu}).
 */
public record NewCategory(
        @NotBlank @Size(max = 100) String name,
        @Nullable @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits separated by single dashes")
        @Size(max = 100) String slug,
        @Nullable UUID parentId) {}
