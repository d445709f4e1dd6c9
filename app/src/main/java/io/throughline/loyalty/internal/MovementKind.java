package io.throughline.loyalty.internal;

/** What a movement of points was. */
enum MovementKind {
    /** Earned on an order or a till's basket. */
    EARNED,
    /** Points for a moment rather than a purchase: sign-up, birthday, consent, a review. */
    BONUS,
    /** Earned points taken back for returned units or a cancelled order. */
    EARN_REVERSED,
    /** Spent as a tender or on a reward. */
    REDEEMED,
    /** Spent points given back when what they paid for was refunded. */
    REDEMPTION_REFUNDED,
    EXPIRED,
    /** Staff added or took points, with a reason. */
    ADJUSTED,
    /** An absorbed profile's points moved to the survivor's account. */
    MERGED,
    /** What was left of them moved back when the merge was undone. */
    UNMERGED
}
