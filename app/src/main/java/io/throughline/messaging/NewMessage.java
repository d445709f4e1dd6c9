package io.throughline.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message as staff or a journey define it.
 *
 * @param fallbacks what a variable renders as when the customer or the data lacks it, e.g.
 *                  {@code {"givenName": "there"}}; {@code givenName} falls back to "there" unless given here
 */
public record NewMessage(
        @NotBlank @Size(max = 200) String name,
        @NotNull MessagePurpose purpose,
        @Nullable Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 500) String> fallbacks,
        @NotEmpty @Size(max = 25) List<@Valid @NotNull Variant> variants) {

    public NewMessage {
        fallbacks = fallbacks == null ? Map.of() : Map.copyOf(fallbacks);
        variants = List.copyOf(variants);
    }
}
