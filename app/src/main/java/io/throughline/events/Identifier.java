package io.throughline.events;

/**
 * One way of recognising a customer, as it arrived: {@code anonymous_id}, {@code user_id}, {@code email},
 * {@code phone}, {@code device_id}, {@code loyalty_card}, {@code pos_customer_id}, or a custom type from
 * {@code context.externalIds}. Values are normalised by identity resolution, not here.
 */
public record Identifier(String type, String value) {

    public static final String ANONYMOUS_ID = "anonymous_id";
    public static final String USER_ID = "user_id";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String DEVICE_ID = "device_id";
    public static final String LOYALTY_CARD = "loyalty_card";
    public static final String POS_CUSTOMER_ID = "pos_customer_id";

    @Override
    public String toString() {
        // Identifier values are personal data: never in logs.
        return "Identifier[" + type + "]";
    }
}
