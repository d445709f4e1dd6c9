/**
 * Product recommendations from the whole cross-channel history — web and app views, carts, orders from every
 * channel including tills and imports: bought and viewed together, popular and trending by channel and region,
 * and "for you" from a customer's own history, each with its explanation, within the asking channel's range and
 * stock, and nothing personal for a customer who opted out of personalisation.
 */
@ApplicationModule(displayName = "Recommendations", allowedDependencies = {"platform", "events", "customers",
        "privacy", "catalog", "inventory", "tracking", "pricing"})
@NullMarked
package io.throughline.recommendations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
