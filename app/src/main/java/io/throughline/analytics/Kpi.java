package io.throughline.analytics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The brand's KPIs, defined in one place for the dashboard, segments, journeys and exports alike. Each has a stable
 * key, a version that moves whenever its formula changes, and the formula in one sentence. Every figure is over the
 * period asked for and, when one is named, the channel: orders count on the channel they were placed in, activity on
 * the channel it happened in.
 */
public enum Kpi {
    CONVERSION_RATE("conversion-rate", 1, Unit.RATIO,
            "Customers who completed an order divided by customers active in the channel during the period."),
    AVERAGE_ORDER_VALUE("average-order-value", 1, Unit.MONEY,
            "Revenue of the period's completed, not cancelled orders divided by their number."),
    REVENUE("revenue", 1, Unit.MONEY, "Sum of the totals of the period's completed, not cancelled orders."),
    ORDERS("orders", 1, Unit.COUNT, "Number of the period's completed, not cancelled orders."),
    REVENUE_PER_CUSTOMER("revenue-per-customer", 1, Unit.MONEY,
            "Revenue of the period divided by the number of customers who ordered in it."),
    REPEAT_PURCHASE_RATE("repeat-purchase-rate", 1, Unit.RATIO,
            "Customers with two or more orders in the period divided by customers with at least one."),
    RETENTION_RATE("retention-rate", 1, Unit.RATIO,
            "Customers who ordered in the previous period of the same length and again in this one, divided by"
                    + " customers who ordered in the previous period."),
    CHURN_RATE("churn-rate", 1, Unit.RATIO, "One minus the retention rate."),
    NEW_CUSTOMERS("new-customers", 1, Unit.COUNT, "Customers whose first order ever falls in the period."),
    CLTV_HISTORICAL("cltv-historical", 1, Unit.MONEY,
            "Revenue of all orders up to the end of the period divided by the customers who placed them."),
    CLTV_PREDICTED("cltv-predicted", 1, Unit.MONEY,
            "Mean over customers of the expected orders in the next twelve months (BG/NBD) times the expected"
                    + " order value (Gamma-Gamma), both fitted by maximum likelihood on the orders up to the period's"
                    + " end."),
    CAC("customer-acquisition-cost", 1, Unit.MONEY,
            "Marketing spend of the period's months divided by the period's new customers."),
    MARKETING_ROI("marketing-roi", 1, Unit.RATIO,
            "Revenue of the period minus the marketing spend of its months, divided by that spend."),
    CROSS_CHANNEL_RATE("cross-channel-rate", 1, Unit.RATIO,
            "Customers active in two or more channels during the period divided by customers active in any."),
    CHANNEL_SWITCHES("channel-switches", 1, Unit.COUNT,
            "Times a customer's next active day in the period was in another channel than her previous one."),
    OPEN_RATE("open-rate", 1, Unit.RATIO, "Messages opened divided by messages sent in the period."),
    CLICK_RATE("click-rate", 1, Unit.RATIO, "Messages clicked divided by messages sent in the period."),
    ABANDONED_CART_RATE("abandoned-cart-rate", 1, Unit.RATIO,
            "Customers whose last \"Product Added\" in the period fell on a later day than their last order in it"
                    + " (or who ordered nothing), divided by customers who added a product."),
    FAILED_PAYMENT_RATE("failed-payment-rate", 2, Unit.RATIO,
            "\"Payment Failed\" events (checkouts whose payment the processor declined or failed, and those channels"
                    + " report) divided by those events plus completed orders in the period."),
    OPT_IN_RATE("opt-in-rate", 1, Unit.RATIO,
            "Customers who granted marketing consent in the period divided by customers who stated it either way."),
    STOCK_OUT_RATE("stock-out-rate", 1, Unit.RATIO,
            "Hours in the period that SKU-locations had nothing on hand divided by the hours of the period each"
                    + " SKU-location was known (from its first stock movement), in every location whatever the"
                    + " channel."),
    TIME_TO_RELEVANCE("time-to-relevance", 1, Unit.DURATION,
            "Mean time from a customer's first activity in the period to the first message the brand sent her"
                    + " after it (the first send of that day), over customers sent one in the period."),
    POINTS_ISSUED("points-issued", 1, Unit.COUNT,
            "Loyalty points earned in the period (orders, tills, bonuses and staff's additions), in every channel."),
    POINTS_REDEEMED("points-redeemed", 1, Unit.COUNT, "Loyalty points spent in the period, in every channel."),
    POINTS_LIABILITY("points-liability", 1, Unit.COUNT,
            "Sum over members of their points balance after their last earning or spending before the period's"
                    + " end: the points the brand owes."),
    ACTIVE_MEMBERS("active-members", 1, Unit.COUNT, "Members who earned or spent points in the period."),
    FIRST_RESPONSE_TIME("first-response-time", 1, Unit.DURATION,
            "Mean time from a service case's start to an agent's first answer, over cases first answered in the"
                    + " period."),
    HANDLING_TIME("handling-time", 1, Unit.DURATION,
            "Mean time from a service case's start to its first resolution, over cases first resolved in the"
                    + " period."),
    FIRST_CONTACT_RESOLUTION("first-contact-resolution", 1, Unit.RATIO,
            "Cases first resolved in the period that were resolved only once and whose customer opened no other case"
                    + " within seven days after, divided by cases first resolved in the period."),
    CSAT("csat", 1, Unit.RATIO,
            "\"Satisfaction Rated\" scores of 4 or 5 divided by every score from 1 to 5 given in the period.");

    /** How a value reads: a share, an amount of money in minor units, a count, or a duration in seconds. */
    public enum Unit { RATIO, MONEY, COUNT, DURATION }

    private final String key;
    private final int version;
    private final Unit unit;
    private final String formula;

    Kpi(String key, int version, Unit unit, String formula) {
        this.key = key;
        this.version = version;
        this.unit = unit;
        this.formula = formula;
    }

    public String key() {
        return key;
    }

    public int version() {
        return version;
    }

    public Unit unit() {
        return unit;
    }

    public String formula() {
        return formula;
    }

    public static Optional<Kpi> byKey(String key) {
        return Arrays.stream(values()).filter(kpi -> kpi.key.equals(key)).findFirst();
    }
}
