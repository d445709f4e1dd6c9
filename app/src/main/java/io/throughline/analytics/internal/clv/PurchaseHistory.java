package io.throughline.analytics.internal.clv;

/**
 * One customer's purchases as the models read them, in weeks: {@code repeats} purchase days after the first,
 * {@code recency} from the first purchase to the last, {@code age} from the first purchase to the end of the
 * observation, and the mean value of the repeat purchases (minor units; 0 without repeats).
 */
public record PurchaseHistory(int repeats, double recency, double age, double meanRepeatValue) {

    public PurchaseHistory {
        if (repeats < 0 || recency < 0 || age < recency) {
            throw new IllegalArgumentException("A history needs 0 ≤ recency ≤ age and no negative repeats");
        }
    }
}
