package io.throughline.customers;

import org.jspecify.annotations.Nullable;

/**
 * Where one of a profile's contact points came from, and whether it is verified: stated by staff or by the brand's
 * own servers. Messages carrying codes or personal data (pickup codes, receipts) go only to a verified one.
 *
 * @param origin null for a contact point recorded before origins were kept
 */
public record ContactProvenance(@Nullable ContactOrigin origin, boolean verified) {

    static final ContactProvenance NONE = new ContactProvenance(null, false);
}
