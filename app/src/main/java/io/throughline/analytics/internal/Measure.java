package io.throughline.analytics.internal;

/**
 * An amount the rollups sum per customer and day besides counting touches: points moved (with her balance after the
 * day's last movement) and satisfaction ratings (the satisfied ones counted in the total, every rating an event).
 */
enum Measure {
    POINTS_EARNED,
    POINTS_REDEEMED,
    POINTS_EXPIRED,
    /** Her points balance after a movement; only the day's last value means anything. */
    POINTS_BALANCE,
    /** Ratings of 1 to 5: the total counts those of 4 or 5, the events every rating. */
    SATISFACTION
}
