package io.throughline.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;

/**
 * What it takes to register (or replace the details of) a stock location. The code is how imports and
 * people refer to it: lower-case letters, digits and dashes, e.g. {@code shop-budapest}.
 */
public record NewStockLocation(
        @NotBlank @Pattern(regexp = CODE, message = "must be lower-case letters, digits and dashes") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull LocationKind kind,
        @NotNull @Valid Address address,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Size(max = 7) List<@NotNull @Valid OpeningHours> openingHours,
        boolean pickup,
        boolean shipFromStore) {

    public static final String CODE = "[a-z0-9][a-z0-9-]{0,62}";

    @AssertTrue(message = "must name each weekday at most once")
    public boolean isOpeningHoursOncePerDay() {
        if (openingHours == null) {
            return true;
        }
        var days = new HashSet<>();
        return openingHours.stream().allMatch(hours -> hours == null || days.add(hours.day()));
    }
}
