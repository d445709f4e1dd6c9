package io.throughline.analytics.internal.lift;

/**
 * A journey's lift: the conversion of customers who got the treatment minus that of the control group held out, with
 * a 95 % confidence interval for the difference by Newcombe's hybrid score method (method 10 of Newcombe 1998, built
 * from the two Wilson score intervals), which stays inside [-1, 1] and behaves with small groups and rates near 0.
 */
public record LiftEstimate(long treated, long treatedConverted, long heldOut, long heldOutConverted,
        double treatedRate, double heldOutRate, double lift, double low, double high) {

    private static final double Z = 1.959963984540054;

    /** The estimate; with an empty group there is no difference to tell, and the interval spans everything. */
    public static LiftEstimate of(long treated, long treatedConverted, long heldOut, long heldOutConverted) {
        if (treated == 0 || heldOut == 0) {
            double p1 = treated == 0 ? 0 : (double) treatedConverted / treated;
            double p2 = heldOut == 0 ? 0 : (double) heldOutConverted / heldOut;
            return new LiftEstimate(treated, treatedConverted, heldOut, heldOutConverted, p1, p2, p1 - p2, -1, 1);
        }
        double p1 = (double) treatedConverted / treated;
        double p2 = (double) heldOutConverted / heldOut;
        double[] w1 = wilson(treatedConverted, treated);
        double[] w2 = wilson(heldOutConverted, heldOut);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double high = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        return new LiftEstimate(treated, treatedConverted, heldOut, heldOutConverted, p1, p2, d, low, high);
    }

    /** Wilson's score interval for {@code successes} of {@code n}. */
    static double[] wilson(long successes, long n) {
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {centre - half, centre + half};
    }

    private static double square(double value) {
        return value * value;
    }
}
