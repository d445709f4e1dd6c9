package io.throughline.analytics.internal;

import io.throughline.analytics.Kpi;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiValue;
import io.throughline.analytics.KpiValue.Fraction;
import io.throughline.analytics.Kpis;
import io.throughline.analytics.MarketingSpend;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each KPI as its definition in {@link Kpi} says, over the rollups, with the period before for its trend. */
@Service
class JdbcKpis implements Kpis {

    private final KpiQueries queries;
    private final MarketingSpend spend;
    private final LifetimeValues lifetimeValues;
    private final OperationsQueries operations;

    JdbcKpis(KpiQueries queries, MarketingSpend spend, LifetimeValues lifetimeValues, OperationsQueries operations) {
        this.queries = queries;
        this.operations = operations;
        this.spend = spend;
        this.lifetimeValues = lifetimeValues;
    }

    @Override
    @Transactional(readOnly = true)
    public KpiValue value(Kpi kpi, KpiQuery query) {
        return KpiValue.of(kpi, fraction(kpi, query), fraction(kpi, query.previous()), query.currency());
    }

    @Override
    @Transactional(readOnly = true)
    public List<KpiValue> all(KpiQuery query) {
        return Arrays.stream(Kpi.values()).map(kpi -> value(kpi, query)).toList();
    }

    private Fraction fraction(Kpi kpi, KpiQuery query) {
        return switch (kpi) {
            case CONVERSION_RATE -> queries.conversion(query);
            case AVERAGE_ORDER_VALUE -> {
                KpiQueries.Sales sales = queries.sales(query);
                yield new Fraction(sales.revenue(), sales.orders());
            }
            case REVENUE -> Fraction.count(queries.sales(query).revenue());
            case ORDERS -> Fraction.count(queries.sales(query).orders());
            case REVENUE_PER_CUSTOMER -> {
                KpiQueries.Sales sales = queries.sales(query);
                yield new Fraction(sales.revenue(), sales.customers());
            }
            case REPEAT_PURCHASE_RATE -> queries.repeatPurchase(query);
            case RETENTION_RATE -> queries.retention(query);
            case CHURN_RATE -> {
                Fraction retained = queries.retention(query);
                yield new Fraction(retained.denominator() - retained.numerator(), retained.denominator());
            }
            case NEW_CUSTOMERS -> Fraction.count(queries.newCustomers(query));
            case CLTV_HISTORICAL -> queries.historicalLifetimeValue(query);
            case CLTV_PREDICTED -> lifetimeValues.meanPredicted(query);
            case CAC -> new Fraction(spend.totalMinor(query), queries.newCustomers(query));
            case MARKETING_ROI -> {
                long spent = spend.totalMinor(query);
                yield new Fraction(queries.sales(query).revenue() - spent, spent);
            }
            case CROSS_CHANNEL_RATE -> queries.crossChannel(query);
            case CHANNEL_SWITCHES -> Fraction.count(queries.channelSwitches(query));
            case OPEN_RATE -> queries.eventRatio(query, Touches.MESSAGE_OPENED, Touches.MESSAGE_SENT, false);
            case CLICK_RATE -> queries.eventRatio(query, Touches.MESSAGE_CLICKED, Touches.MESSAGE_SENT, false);
            case ABANDONED_CART_RATE -> queries.abandonedCarts(query);
            case FAILED_PAYMENT_RATE ->
                    queries.eventRatio(query, Touches.PAYMENT_FAILED, io.throughline.events.EventNames.ORDER_COMPLETED,
                            true);
            case OPT_IN_RATE -> queries.optIn(query);
            case STOCK_OUT_RATE -> operations.stockOuts(query);
            case TIME_TO_RELEVANCE -> operations.timeToRelevance(query);
            case POINTS_ISSUED -> Fraction.count(operations.measureTotal(query, Measure.POINTS_EARNED));
            case POINTS_REDEEMED -> Fraction.count(operations.measureTotal(query, Measure.POINTS_REDEEMED));
            case POINTS_LIABILITY -> Fraction.count(operations.liability(query));
            case ACTIVE_MEMBERS -> Fraction.count(operations.activeMembers(query));
            case FIRST_RESPONSE_TIME -> operations.firstResponseTime(query);
            case HANDLING_TIME -> operations.handlingTime(query);
            case FIRST_CONTACT_RESOLUTION -> operations.firstContactResolution(query);
            case CSAT -> operations.satisfaction(query);
        };
    }
}
