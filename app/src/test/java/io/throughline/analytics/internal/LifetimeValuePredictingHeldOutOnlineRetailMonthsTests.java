package io.throughline.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.throughline.support.OnlineRetail;
import io.throughline.analytics.internal.LifetimeValues.PurchaseDay;
import io.throughline.analytics.internal.clv.LifetimeValueFit;
import io.throughline.analytics.internal.clv.PurchaseHistory;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How well the lifetime-value models predict months they never saw, on real data: the Online Retail history (Daqing
 * Chen, UCI Machine Learning Repository, DOI 10.24432/C5BW33, CC BY 4.0). BG/NBD and Gamma-Gamma are fitted on the
 * known customers' purchase days from December 2010 to July 2011, as the platform fits them (days in the shop's zone,
 * Europe/London; a day's invoices are one purchase worth their sum), and asked for August to October 2011. Their
 * predictions are compared with what those customers did, and with the naive forecast that each customer goes on
 * buying at her own calibration rate. Measured (docs/BENCHMARKS.md, "clv-online-retail"): purchases 4 % under in
 * aggregate, per-customer error 3 % worse than the naive forecast's, revenue 28 % under; the bounds below leave room
 * around those and fail if the fit goes wrong.
 */
class LifetimeValuePredictingHeldOutOnlineRetailMonthsTests {

    private static final Logger log = LoggerFactory.getLogger(LifetimeValuePredictingHeldOutOnlineRetailMonthsTests.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant HOLDOUT = LocalDate.of(2011, 8, 1).atStartOfDay(LONDON).toInstant();
    private static final Instant END = LocalDate.of(2011, 11, 1).atStartOfDay(LONDON).toInstant();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void theFitOnEightMonthsPredictsTheNextThreeMonthsPurchasesInAggregate() throws IOException {
        Path file = OnlineRetail.FILE;
        assumeThat(Files.exists(file)).as("the Online Retail data set at " + file.toAbsolutePath()).isTrue();
        Map<String, List<PurchaseDay>> customers = purchaseDays(file);

        Map<String, List<PurchaseDay>> calibration = new HashMap<>();
        customers.forEach((customer, days) -> {
            List<PurchaseDay> before = days.stream().filter(day -> day.day().isBefore(HOLDOUT)).toList();
            if (!before.isEmpty()) {
                calibration.put(customer, before);
            }
        });
        List<PurchaseHistory> histories = new ArrayList<>();
        long orders = 0;
        long revenue = 0;
        for (List<PurchaseDay> days : calibration.values()) {
            histories.add(LifetimeValues.history(days, HOLDOUT));
            orders += days.size();
            revenue += days.stream().mapToLong(PurchaseDay::totalMinor).sum();
        }
        long started = System.nanoTime();
        LifetimeValueFit.Fitted fitted = LifetimeValueFit.fit(histories, (double) revenue / orders);
        long fitMillis = (System.nanoTime() - started) / 1_000_000;

        double weeks = (END.toEpochMilli() - HOLDOUT.toEpochMilli()) / (7 * 86_400_000.0);
        double predictedPurchases = 0;
        double naivePurchases = 0;
        long actualPurchases = 0;
        double modelError = 0;
        double naiveError = 0;
        double predictedRevenue = 0;
        long actualRevenue = 0;
        for (var customer : calibration.entrySet()) {
            PurchaseHistory history = LifetimeValues.history(customer.getValue(), HOLDOUT);
            double expected = fitted.purchases().expectedPurchases(history, weeks);
            // The naive forecast: her repeat purchases per week since her first, carried on.
            double naive = history.age() == 0 ? 0 : history.repeats() / history.age() * weeks;
            List<PurchaseDay> later = customers.get(customer.getKey()).stream()
                    .filter(day -> !day.day().isBefore(HOLDOUT)).toList();
            predictedPurchases += expected;
            naivePurchases += naive;
            actualPurchases += later.size();
            modelError += Math.abs(expected - later.size());
            naiveError += Math.abs(naive - later.size());
            predictedRevenue += expected * fitted.spend().expectedValue(history);
            actualRevenue += later.stream().mapToLong(PurchaseDay::totalMinor).sum();
        }
        int n = calibration.size();
        log.info("online-retail clv: customers={} fit_ms={} holdout_weeks={} predicted_purchases={} actual_purchases={}"
                        + " naive_purchases={} mae_model={} mae_naive={} predicted_revenue_gbp={} actual_revenue_gbp={}"
                        + " r={} alpha={} a={} b={} p={} q={} gamma={}",
                n, fitMillis, fmt(weeks), fmt(predictedPurchases), actualPurchases, fmt(naivePurchases),
                fmt(modelError / n), fmt(naiveError / n), fmt(predictedRevenue / 100), actualRevenue / 100,
                fmt(fitted.purchases().r()), fmt(fitted.purchases().alpha()), fmt(fitted.purchases().a()),
                fmt(fitted.purchases().b()), fmt(fitted.spend().p()), fmt(fitted.spend().q()),
                fmt(fitted.spend().gamma()));

        assertThat(n).as("customers who bought before August").isGreaterThan(3_000);
        assertThat(predictedPurchases / actualPurchases).as("purchases predicted over those made").isBetween(0.9, 1.1);
        assertThat(modelError / naiveError).as("the model's error per customer against her own rate carried on")
                .isLessThan(1.1);
        assertThat(predictedRevenue / actualRevenue).as("revenue predicted over revenue made").isBetween(0.6, 1.2);
    }

    /** Each known customer's purchase days in London's calendar, with what the day's invoices came to in pence. */
    private static Map<String, List<PurchaseDay>> purchaseDays(Path file) throws IOException {
        Map<String, TreeMap<LocalDate, Long>> perCustomer = new HashMap<>();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String customer = row.get("CustomerID").strip().replaceAll("\\.0+$", "");
                if (customer.isEmpty() || row.get("InvoiceNo").strip().toUpperCase(Locale.ROOT).startsWith("C")) {
                    continue;
                }
                long quantity;
                BigDecimal price;
                try {
                    quantity = Long.parseLong(row.get("Quantity").strip());
                    price = new BigDecimal(row.get("UnitPrice").strip());
                } catch (NumberFormatException unreadable) {
                    continue;
                }
                if (quantity <= 0 || price.signum() <= 0) {
                    continue;
                }
                LocalDate day = LocalDateTime.parse(row.get("InvoiceDate").strip(), TIME).toLocalDate();
                long pence = price.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN).longValue()
                        * quantity;
                perCustomer.computeIfAbsent(customer, c -> new TreeMap<>()).merge(day, pence, Long::sum);
            }
        }
        Map<String, List<PurchaseDay>> days = new HashMap<>();
        perCustomer.forEach((customer, byDay) -> days.put(customer, byDay.entrySet().stream()
                .map(entry -> new PurchaseDay(entry.getKey().atStartOfDay(LONDON).toInstant(), entry.getValue()))
                .toList()));
        return days;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

}
