/**
 * Loyalty points: the brand's programme, an account per customer profile that follows merges and unmerges, and a
 * double-entry ledger in which every movement balances between the member's account and the programme's books
 * (issued, redeemed, expired, adjusted). Points are held in lots with their expiry and spent nearest expiry first.
 * Points are earned on every channel's orders exactly once, reversed per returned unit, spent at the till by the
 * till's own idempotency key, and adjusted by staff with a reason.
 */
@ApplicationModule(displayName = "Loyalty", allowedDependencies = {"platform", "events", "tracking", "customers",
        "catalog", "orders", "privacy", "pricing"})
@NullMarked
package io.throughline.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
