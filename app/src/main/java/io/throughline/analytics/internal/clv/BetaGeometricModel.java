package io.throughline.analytics.internal.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005, "Counting your customers the easy way"): while alive, a customer
 * buys as a Poisson process whose rate is Gamma(r, alpha) across customers, and after each purchase she drops out
 * with a probability that is Beta(a, b) across customers. Time is in weeks.
 */
public record BetaGeometricModel(double r, double alpha, double a, double b) {

    /** The log-likelihood of one history, up to a constant that does not depend on the parameters. */
    public double logLikelihood(PurchaseHistory h) {
        int x = h.repeats();
        double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
        double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + h.age());
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.recency());
        double top = Math.max(a3, a4);
        return a1 + a2 + top + Math.log(Math.exp(a3 - top) + Math.exp(a4 - top));
    }

    /** The probability that the customer is still active at the end of her history: the complement of churn risk. */
    public double probabilityAlive(PurchaseHistory h) {
        int x = h.repeats();
        if (x == 0) {
            return 1.0;
        }
        double logRatio = Math.log(a) - Math.log(b + x - 1)
                + (r + x) * (Math.log(alpha + h.age()) - Math.log(alpha + h.recency()));
        return 1.0 / (1.0 + Math.exp(logRatio));
    }

    /** The number of purchases expected in the next {@code weeks} after her history ends (FHL 2005, eq. 10). */
    public double expectedPurchases(PurchaseHistory h, double weeks) {
        int x = h.repeats();
        double z = weeks / (alpha + h.age() + weeks);
        double hyper = hypergeometric(r + x, b + x, a + b + x - 1, z);
        double head = (a + b + x - 1) / (a - 1);
        double body = 1 - Math.exp((r + x) * Math.log((alpha + h.age()) / (alpha + h.age() + weeks))) * hyper;
        double aliveOdds = x == 0 ? 0 : Math.exp(Math.log(a) - Math.log(b + x - 1)
                + (r + x) * (Math.log(alpha + h.age()) - Math.log(alpha + h.recency())));
        return head * body / (1 + aliveOdds);
    }

    /** Gauss's hypergeometric series, which converges for |z| < 1. */
    static double hypergeometric(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < 100_000; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-12 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }
}
