package io.throughline.analytics.internal;

import io.throughline.events.EventNames;
import java.util.Set;

/** The names of touches the rollups derive themselves, and which touches are not the customer's own doing. */
final class Touches {

    static final String OPT_IN = "Marketing Opt-In";
    static final String OPT_OUT = "Marketing Opt-Out";
    static final String PAYMENT_FAILED = EventNames.PAYMENT_FAILED;
    static final String MESSAGE_SENT = "Message Sent";
    static final String MESSAGE_OPENED = "Message Opened";
    static final String MESSAGE_CLICKED = "Message Clicked";

    /**
     * What the brand did to her rather than she did: a send is not a visit, so these make nobody active and are no
     * touchpoint of a journey to a purchase (the open and the click are).
     */
    static final Set<String> NOT_ACTIVITY = Set.of(MESSAGE_SENT, "Message Delivered", "Message Bounced", OPT_IN,
            OPT_OUT);

    /** Outcomes, which attribution credits to touchpoints and never treats as one. */
    static final Set<String> OUTCOMES = Set.of(EventNames.ORDER_COMPLETED, EventNames.ORDER_CANCELLED,
            EventNames.ORDER_REFUNDED, EventNames.PRODUCT_RETURNED, EventNames.ORDER_READY_FOR_PICKUP,
            EventNames.ORDER_PICKED_UP);

    /** SQL list of the names that make nobody active. */
    static String notActivitySql() {
        return sqlList(NOT_ACTIVITY);
    }

    /** SQL list of the names that are no touchpoint. */
    static String notTouchpointSql() {
        java.util.Set<String> all = new java.util.TreeSet<>(NOT_ACTIVITY);
        all.addAll(OUTCOMES);
        return sqlList(all);
    }

    private static String sqlList(Set<String> names) {
        return names.stream().sorted().map(name -> "'" + name.replace("'", "''") + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private Touches() {}
}
