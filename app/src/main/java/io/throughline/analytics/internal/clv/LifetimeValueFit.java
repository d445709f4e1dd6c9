package io.throughline.analytics.internal.clv;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Fits BG/NBD and Gamma-Gamma by maximum likelihood over a brand's purchase histories: Nelder-Mead on the logarithms
 * of the parameters (so they stay positive), restarted once from the first optimum, as the likelihood is flat near
 * it. A fit needs histories with repeats; without them the spend model falls back to the mean order value.
 */
public final class LifetimeValueFit {

    /** The two fitted models. */
    public record Fitted(BetaGeometricModel purchases, GammaGammaModel spend) {

        /** Expected value of her purchases over the next {@code weeks}, in minor units. */
        public double lifetimeValue(PurchaseHistory h, double weeks) {
            return purchases.expectedPurchases(h, weeks) * spend.expectedValue(h);
        }
    }

    private LifetimeValueFit() {}

    public static Fitted fit(List<PurchaseHistory> histories, double meanOrderValue) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("Nothing to fit: no customer has ordered");
        }
        double[] bg = maximise(parameters -> {
            BetaGeometricModel model = new BetaGeometricModel(parameters[0], parameters[1], parameters[2],
                    parameters[3]);
            return sum(histories, model::logLikelihood);
        }, new double[] {1, 1, 1, 1});
        List<PurchaseHistory> repeaters = histories.stream()
                .filter(h -> h.repeats() > 0 && h.meanRepeatValue() > 0).toList();
        GammaGammaModel spend;
        if (repeaters.size() < 10) {
            // Too few repeat buyers to say how spend varies: every customer is expected at the brand's mean.
            spend = new GammaGammaModel(1, 2, Math.max(meanOrderValue, 1));
        } else {
            double scale = repeaters.stream().mapToDouble(PurchaseHistory::meanRepeatValue).average().orElse(1);
            double[] gg = maximise(parameters -> sum(repeaters,
                    new GammaGammaModel(parameters[0], parameters[1], parameters[2] * scale)::logLikelihood),
                    new double[] {1, 2, 1});
            spend = new GammaGammaModel(gg[0], Math.max(gg[1], 1.0001), gg[2] * scale);
        }
        return new Fitted(new BetaGeometricModel(bg[0], bg[1], bg[2], bg[3]), spend);
    }

    private static double sum(List<PurchaseHistory> histories, ToDoubleFunction<PurchaseHistory> logLikelihood) {
        double total = 0;
        for (PurchaseHistory h : histories) {
            total += logLikelihood.applyAsDouble(h);
        }
        return total;
    }

    /** The positive parameters that maximise the log-likelihood, searched in logarithms. */
    private static double[] maximise(MultivariateFunction logLikelihood, double[] start) {
        MultivariateFunction negative = logs -> {
            double[] parameters = new double[logs.length];
            for (int i = 0; i < logs.length; i++) {
                if (Math.abs(logs[i]) > 12) {
                    return Double.MAX_VALUE;
                }
                parameters[i] = Math.exp(logs[i]);
            }
            double value = logLikelihood.value(parameters);
            return Double.isFinite(value) ? -value : Double.MAX_VALUE;
        };
        double[] point = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            point[i] = Math.log(start[i]);
        }
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-9, 1e-9);
        for (int round = 0; round < 2; round++) {
            point = optimizer.optimize(new MaxEval(20_000), new ObjectiveFunction(negative), GoalType.MINIMIZE,
                    new InitialGuess(point), new NelderMeadSimplex(start.length, 0.5)).getPoint();
        }
        double[] parameters = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            parameters[i] = Math.exp(point[i]);
        }
        return parameters;
    }
}
