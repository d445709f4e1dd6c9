package io.throughline.analytics;

import java.time.Duration;

/**
 * A journey's incremental lift, measured against its control group: of the customers who entered it in the period,
 * those who got the treatment against those a control-group split held out, each converted when she completed an
 * order within the window after her entry.
 */
public interface JourneyLifts {

    JourneyLift lift(String journeyKey, Period period, Duration window, String currency);

    /**
     * The two groups' sizes and conversions, the lift (treated rate minus held-out rate) and its 95 % confidence
     * interval ({@code low} to {@code high}, Newcombe's hybrid score method).
     */
    record JourneyLift(String journey, Period period, Duration window, long treated, long treatedConverted,
            long heldOut, long heldOutConverted, double treatedRate, double heldOutRate, double lift, double low,
            double high) {}
}
