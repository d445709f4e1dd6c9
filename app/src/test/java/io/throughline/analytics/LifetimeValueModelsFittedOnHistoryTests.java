package io.throughline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.throughline.analytics.internal.clv.BetaGeometricModel;
import io.throughline.analytics.internal.clv.GammaGammaModel;
import io.throughline.analytics.internal.clv.LifetimeValueFit;
import io.throughline.analytics.internal.clv.PurchaseHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Customers drawn from the BG/NBD and Gamma-Gamma processes with known parameters: fitted on 52 weeks of their
 * purchases, the models must find those parameters again and predict the 26 weeks held out.
 */
class LifetimeValueModelsFittedOnHistoryTests {

    private static final double R = 0.6, ALPHA = 4, A = 0.8, B = 2.5;
    private static final double P = 6, Q = 4, GAMMA = 1500;

    /** One simulated customer: purchase times in weeks from her first, the value of each, and her true rate. */
    private record Simulated(List<Double> times, List<Double> values) {}

    private static List<Simulated> population(int size, double weeks) {
        var random = new Well19937c(7);
        var rates = new GammaDistribution(random, R, 1 / ALPHA);
        var dropouts = new BetaDistribution(random, A, B);
        var nus = new GammaDistribution(random, Q, 1 / GAMMA);
        SplittableRandom draws = new SplittableRandom(11);
        List<Simulated> customers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            double rate = rates.sample();
            double dropout = dropouts.sample();
            var spend = new GammaDistribution(random, P, 1 / nus.sample());
            List<Double> times = new ArrayList<>(List.of(0.0));
            List<Double> values = new ArrayList<>(List.of(spend.sample()));
            double at = 0;
            while (draws.nextDouble() >= dropout) {
                at += -Math.log(1 - draws.nextDouble()) / rate;
                if (at > weeks) {
                    break;
                }
                times.add(at);
                values.add(spend.sample());
            }
            customers.add(new Simulated(times, values));
        }
        return customers;
    }

    private static PurchaseHistory until(Simulated customer, double end) {
        List<Double> before = customer.times().stream().filter(t -> t <= end).toList();
        double mean = customer.values().subList(1, before.size()).stream().mapToDouble(Double::doubleValue)
                .average().orElse(0);
        return new PurchaseHistory(before.size() - 1, before.getLast(), end, mean);
    }

    @Test
    void theFitIsAtLeastAsLikelyAsTheParametersThePurchasesWereDrawnWith() {
        List<Simulated> customers = population(4000, 52);
        List<PurchaseHistory> histories = customers.stream().map(customer -> until(customer, 52)).toList();

        LifetimeValueFit.Fitted fitted = LifetimeValueFit.fit(histories, 1000);

        BetaGeometricModel truth = new BetaGeometricModel(R, ALPHA, A, B);
        double fittedLikelihood = histories.stream().mapToDouble(fitted.purchases()::logLikelihood).sum();
        double trueLikelihood = histories.stream().mapToDouble(truth::logLikelihood).sum();
        assertThat(fittedLikelihood).isGreaterThanOrEqualTo(trueLikelihood);
        // Rate and dropout trade off against each other; what the purchases pin down is how many a year they make.
        double fittedYear = fitted.purchases().expectedPurchases(new PurchaseHistory(0, 0, 0, 0), 52);
        double observedYear = histories.stream().mapToInt(PurchaseHistory::repeats).average().orElseThrow();
        assertThat(fittedYear).isCloseTo(observedYear, within(observedYear * 0.05));
        GammaGammaModel spend = fitted.spend();
        assertThat(spend.p() * spend.gamma() / (spend.q() - 1)).as("mean order value")
                .isCloseTo(P * GAMMA / (Q - 1), within(P * GAMMA / (Q - 1) * 0.1));
    }

    @Test
    void theHeldOutWeeksArePredictedWithinTenPercent() {
        List<Simulated> customers = population(4000, 78);
        List<PurchaseHistory> calibration = customers.stream().map(customer -> until(customer, 52)).toList();
        LifetimeValueFit.Fitted fitted = LifetimeValueFit.fit(calibration, 1000);

        double predicted = calibration.stream().mapToDouble(h -> fitted.purchases().expectedPurchases(h, 26)).sum();
        long actual = customers.stream().mapToLong(c -> c.times().stream().filter(t -> t > 52 && t <= 78).count())
                .sum();

        assertThat(predicted).isCloseTo(actual, within(actual * 0.1));
    }

    @Test
    void aCustomerSilentForLongIsLessLikelyAliveThanOneWhoJustBought() {
        BetaGeometricModel model = new BetaGeometricModel(R, ALPHA, A, B);
        double recent = model.probabilityAlive(new PurchaseHistory(4, 50, 52, 100));
        double silent = model.probabilityAlive(new PurchaseHistory(4, 10, 52, 100));

        assertThat(recent).isGreaterThan(0.8);
        assertThat(silent).isLessThan(recent / 2);
        assertThat(model.probabilityAlive(new PurchaseHistory(0, 0, 52, 0))).isEqualTo(1.0);
    }
}
