package io.throughline.analytics.internal.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The Gamma-Gamma model of spend (Fader, Hardie and Lee 2005, "RFM and CLV"): a customer's order values are
 * Gamma(p, nu) around her own mean, and nu is Gamma(q, gamma) across customers. It is fitted on customers with at
 * least one repeat purchase, on the mean value of those.
 */
public record GammaGammaModel(double p, double q, double gamma) {

    /** The log-likelihood of a customer's mean repeat value over her repeats, up to a parameter-free constant. */
    public double logLikelihood(PurchaseHistory h) {
        int x = h.repeats();
        double m = h.meanRepeatValue();
        return logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(gamma)
                + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + x * m);
    }

    /** Her expected order value: the population's mean for a customer without repeats, else shrunk toward it. */
    public double expectedValue(PurchaseHistory h) {
        if (h.repeats() == 0 || h.meanRepeatValue() <= 0) {
            return p * gamma / (q - 1);
        }
        return p * (gamma + h.repeats() * h.meanRepeatValue()) / (p * h.repeats() + q - 1);
    }
}
