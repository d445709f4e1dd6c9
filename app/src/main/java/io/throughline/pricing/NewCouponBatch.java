package io.throughline.pricing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new batch: a shared batch needs its {@code code}; a unique batch generates {@code count} codes starting
 * with {@code prefix}. Codes are case-insensitive (stored upper-case).
 */
public record NewCouponBatch(
        @NotBlank @Size(max = 100) String name,
        @NotNull CouponBatch.Kind kind,
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{2,39}", message = "must be 3 to 40 letters, digits and dashes") String code,
        @Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,19}", message = "must be 1 to 20 letters, digits and dashes") String prefix,
        @Nullable @Min(1) @Max(100_000) Integer count) {

    @AssertTrue(message = "a SHARED batch needs a code; a UNIQUE batch needs a prefix and a count")
    public boolean isComplete() {
        return kind == null || (kind == CouponBatch.Kind.SHARED ? code != null : prefix != null && count != null);
    }
}
