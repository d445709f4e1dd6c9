package io.throughline.loyalty;

/** Points for a moment rather than a purchase, each at most once per member (the birthday once a year). */
public record Bonus(Kind kind, long points) {

    public enum Kind {
        /** She signed up ("Signed Up" in the log). */
        SIGN_UP,
        /** Her first order in a channel of the app. */
        FIRST_APP_PURCHASE,
        /** Her birthday, as her profile's {@code birthday} trait says; her tier's gift comes on top. */
        BIRTHDAY,
        /** She gave marketing consent: consent that unlocks benefits. */
        CONSENT_GIVEN,
        /** She reviewed a product ("Product Reviewed"), once per product. */
        REVIEW
    }
}
