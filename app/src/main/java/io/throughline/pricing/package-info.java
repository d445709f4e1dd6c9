/**
 * One price for every channel: price lists per channel, currency, customer group and dates, promotions and
 * coupons, and the quote engine every channel calls, explaining each adjustment it makes.
 */
@ApplicationModule(displayName = "Pricing", allowedDependencies = {"platform", "catalog", "customers"})
@NullMarked
package io.throughline.pricing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
