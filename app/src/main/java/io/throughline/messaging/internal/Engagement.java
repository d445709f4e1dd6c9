package io.throughline.messaging.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A customer's engagement on one channel: the sum of the weights of what she did there — open 1, click 3,
 * reply 3, purchase 5 (for an order completed within 7 days after a click on the channel) — each halved every
 * 30 days since it happened. Kept as the sum as of a moment, so one more signal updates it without reading the
 * others: {@code score(t) = score(asOf) · 2^(-(t - asOf) / 30 days)}.
 */
record Engagement(double score, Instant asOf) {

    static final double OPEN = 1;
    static final double CLICK = 3;
    static final double REPLY = 3;
    static final double PURCHASE = 5;
    static final Duration HALF_LIFE = Duration.ofDays(30);
    static final Duration ATTRIBUTION = Duration.ofDays(7);

    /** The score at the moment; a moment before {@code asOf} (a simulated one) reads the score as of then. */
    double at(Instant moment) {
        return moment.isAfter(asOf) ? score * decay(Duration.between(asOf, moment)) : score;
    }

    /** With a signal of the weight at the moment, which may be earlier than the last one (late events). */
    Engagement plus(double weight, Instant moment) {
        if (moment.isAfter(asOf)) {
            return new Engagement(at(moment) + weight, moment);
        }
        return new Engagement(score + weight * decay(Duration.between(moment, asOf)), asOf);
    }

    private static double decay(Duration elapsed) {
        return Math.pow(0.5, (double) elapsed.toMillis() / HALF_LIFE.toMillis());
    }
}
