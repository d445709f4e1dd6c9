package io.throughline.orders;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where a delivered order goes. The coordinates, when the channel knows them (a geocoded address), let
 * ship-from-store choose the nearest shop; without them the postcode region is used.
 */
public record ShippingAddress(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 20) String postalCode,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as HU") String country,
        @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude) {}
