package io.throughline.demo.internal;

import io.throughline.analytics.BrandCalendar;
import io.throughline.analytics.Kpi;
import io.throughline.analytics.KpiQuery;
import io.throughline.analytics.KpiTargets;
import io.throughline.analytics.MarketingSpend;
import io.throughline.analytics.Period;
import io.throughline.analytics.SpendLine;
import io.throughline.platform.Money;
import io.throughline.tracking.Channels;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tokaj Cellars' marketing spend for the last twelve months, so that the dashboard's acquisition cost and return
 * on marketing have something to divide by: search ads for the web shop, install ads for the app, the newsletter,
 * and flyers for each shop. Recorded only when the brand has no spend in that year yet. And the targets of the four
 * key metrics of the weekly review.
 */
@Component
class DemoAnalytics {

    /** Monthly spend per channel and campaign, in forints. */
    private static final Map<String, Map<String, Long>> MONTHLY = Map.of(
            "web", Map.of("search-ads", 180_000L),
            "app", Map.of("install-ads", 90_000L),
            "email", Map.of("newsletter", 25_000L),
            "shop-budapest", Map.of("flyers", 40_000L),
            "shop-debrecen", Map.of("flyers", 30_000L),
            "shop-tokaj", Map.of("flyers", 20_000L));

    private final MarketingSpend spend;
    private final Channels channels;
    private final Clock clock;
    private final KpiTargets targets;

    private final BrandCalendar calendar;

    DemoAnalytics(MarketingSpend spend, Channels channels, Clock clock, KpiTargets targets, BrandCalendar calendar) {
        this.calendar = calendar;
        this.spend = spend;
        this.channels = channels;
        this.clock = clock;
        this.targets = targets;
    }

    void load() {
        loadSpend();
        // The four metrics Tokaj Cellars reviews every week, with the bands the owners agreed; only on a fresh install.
        if (targets.all().isEmpty()) {
            targets.set(Kpi.CONVERSION_RATE, 0.02, null, true, null);
            targets.set(Kpi.AVERAGE_ORDER_VALUE, 1_500_000.0, null, true, null);
            targets.set(Kpi.CROSS_CHANNEL_RATE, 0.10, null, true, null);
            targets.set(Kpi.REPEAT_PURCHASE_RATE, 0.05, 0.60, true, null);
        }
    }

    private void loadSpend() {
        YearMonth now = calendar.month(clock.instant());
        YearMonth first = now.minusMonths(11);
        Period year = calendar.days(first.atDay(1), now.plusMonths(1).atDay(1));
        if (spend.totalMinor(new KpiQuery(year, null, "HUF")) > 0) {
            return;
        }
        List<SpendLine> lines = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(now); month = month.plusMonths(1)) {
            // A busier autumn and December, as a winery's year goes.
            double season = month.getMonthValue() >= 9 ? 1.4 : 1.0;
            for (var channel : MONTHLY.entrySet()) {
                var resolved = channels.find(channel.getKey());
                if (resolved.isEmpty()) {
                    continue;
                }
                for (var campaign : channel.getValue().entrySet()) {
                    lines.add(new SpendLine(month, resolved.get(), campaign.getKey(),
                            new Money(Math.round(campaign.getValue() * season) * 100, "HUF")));
                }
            }
        }
        spend.record(lines);
    }
}
