package io.throughline.orders;

import io.throughline.platform.Money;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Loyalty points as a way of paying, declared here and implemented by the loyalty module, so that checkout takes
 * points through its payments port without depending on loyalty. Every call names the payment by its reference,
 * so asking twice has the effect of once.
 */
public interface PointsTender {

    /**
     * Spends the customer's points worth the amount at once.
     *
     * @return null when spent, else why not (no programme, no points in that currency, not enough points)
     */
    @Nullable String spend(String reference, UUID profileId, Money amount, String channel);

    /**
     * Gives back points worth the amount (all that is left of the payment when the amount is null), once per
     * refund reference.
     */
    void giveBack(String reference, String refundReference, @Nullable Money amount);
}
