package io.throughline.analytics;

import java.util.List;

/** The five stages of the customer journey, each with the event labels that mark it unless the brand says otherwise. */
public enum JourneyStage {
    AWARENESS(List.of("page", "screen", "Message Opened", "Message Clicked")),
    CONSIDERATION(List.of("Product Viewed", "Products Searched", "Product List Viewed", "Cart Viewed")),
    DECISION(List.of("Product Added", "Checkout Started", "Coupon Applied", "Order Completed")),
    USAGE(List.of("Order Picked Up", "Order Delivered", "Product Returned")),
    LOYALTY(List.of("Product Reviewed", "Referral Sent", "Points Redeemed", "Survey Answered"));

    private final List<String> defaults;

    JourneyStage(List<String> defaults) {
        this.defaults = defaults;
    }

    public List<String> defaultEvents() {
        return defaults;
    }
}
