/**
 * One price for every channel: price lists per channel, currency, customer group and dates, promotions and
 * coupons, and quotes that explain each adjustment. Other modules ask {@link io.throughline.pricing.Pricing}
 * for quotes; the engine that computes them ({@code QuoteEngine} and the {@code Cart} it prices) is the named
 * interface {@code engine}, for benchmarks and tests rather than other modules.
 */
@ApplicationModule(displayName = "Pricing", allowedDependencies = {"platform", "catalog", "customers",
        "segments"})
@NullMarked
package io.throughline.pricing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
