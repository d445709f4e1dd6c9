package io.throughline.events;

/**
 * The names of the customer events the platform writes itself, spelled once. Commerce events follow Segment's
 * e-commerce spec, so that a brand's own front-ends and the platform name the same moment the same way.
 */
public final class EventNames {

    public static final String PRODUCT_VIEWED = "Product Viewed";
    public static final String PRODUCT_ADDED = "Product Added";
    public static final String PRODUCT_REMOVED = "Product Removed";
    public static final String CART_VIEWED = "Cart Viewed";
    public static final String COUPON_APPLIED = "Coupon Applied";
    public static final String CHECKOUT_STARTED = "Checkout Started";
    public static final String ORDER_COMPLETED = "Order Completed";
    public static final String ORDER_CANCELLED = "Order Cancelled";
    /** A payment the processor declined or failed to take at checkout; nothing was charged. */
    public static final String PAYMENT_FAILED = "Payment Failed";
    public static final String ORDER_REFUNDED = "Order Refunded";
    public static final String PRODUCT_RETURNED = "Product Returned";
    /** Not in Segment's spec: click &amp; collect's two moments. */
    public static final String ORDER_READY_FOR_PICKUP = "Order Ready For Pickup";
    public static final String ORDER_PICKED_UP = "Order Picked Up";
    /** Loyalty's moments, so that journeys can greet a new tier or remind of points about to expire. */
    public static final String POINTS_EARNED = "Points Earned";
    public static final String POINTS_REDEEMED = "Points Redeemed";
    public static final String POINTS_EXPIRED = "Points Expired";
    public static final String TIER_CHANGED = "Tier Changed";
    public static final String REWARD_CLAIMED = "Reward Claimed";

    /** The platform's own: two profiles became one (the payload names both). */
    public static final String PROFILES_MERGED = "Profiles Merged";
    /** The platform's own: a merge was undone (the payload names the survivor and the restored profile). */
    public static final String PROFILES_UNMERGED = "Profiles Unmerged";
    /** The platform's own: staff noted something about the customer, e.g. a call (the payload holds the text). */
    public static final String NOTE_ADDED = "Note Added";
    /** The platform's own: a customer became a member of a segment (the payload names it). */
    public static final String SEGMENT_ENTERED = "Segment Entered";
    /** The platform's own: a customer stopped being a member of a segment. */
    public static final String SEGMENT_EXITED = "Segment Exited";

    /** The service inbox's: a customer's case opened, with the medium and channel it came through. */
    public static final String CONVERSATION_STARTED = "Conversation Started";
    /** A customer's message reached the inbox (chat, email, SMS, a call), on its channel. */
    public static final String MESSAGE_RECEIVED = "Message Received";
    /** An agent answered the customer on her case; the payload names the conversation. */
    public static final String MESSAGE_SENT = "Message Sent";
    public static final String CONVERSATION_ASSIGNED = "Conversation Assigned";
    public static final String CONVERSATION_RESOLVED = "Conversation Resolved";
    /** A customer's satisfaction with a case or a purchase, as a channel's survey collected it: {@code score} 1 to 5. */
    public static final String SATISFACTION_RATED = "Satisfaction Rated";
    /** Segment's: a customer signed up (a channel sends it); loyalty's sign-up bonus follows it. */
    public static final String SIGNED_UP = "Signed Up";
    /** Segment's: a customer reviewed a product; loyalty's review bonus follows it. */
    public static final String PRODUCT_REVIEWED = "Product Reviewed";

    private EventNames() {}
}
