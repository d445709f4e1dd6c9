package io.throughline.loyalty.internal;

/** The books of the double entry: a member's account, and the programme's side of each kind of movement. */
enum Book {
    MEMBER, ISSUED, REDEEMED, EXPIRED, ADJUSTED
}
