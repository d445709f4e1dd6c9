package io.throughline.orders.internal;

import io.throughline.orders.PaymentMethod;
import io.throughline.orders.PointsTender;
import io.throughline.platform.Money;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Loyalty points through the payments port: spent when authorised (points are the customer's own, so there is
 * nothing to hold and capture later), given back when the authorisation is voided or the payment refunded.
 */
@Component
class PointsPayments implements PaymentProcessor {

    private final ObjectProvider<PointsTender> tender;

    PointsPayments(ObjectProvider<PointsTender> tender) {
        this.tender = tender;
    }

    @Override
    public Set<PaymentMethod> methods() {
        return Set.of(PaymentMethod.POINTS);
    }

    @Override
    public Outcome authorise(String reference, PaymentMethod method, Money amount, @Nullable String cardNumber,
            String channel) {
        return new Outcome.Declined("Points are spent by a known customer; sign her in first");
    }

    @Override
    public Outcome authorise(String reference, PaymentMethod method, Money amount, @Nullable String cardNumber,
            String channel, @Nullable UUID profileId) {
        PointsTender points = tender.getIfAvailable();
        if (profileId == null || points == null) {
            return authorise(reference, method, amount, cardNumber, channel);
        }
        String refused = points.spend(reference, profileId, amount, channel);
        return refused == null ? new Outcome.Approved("points_" + reference) : new Outcome.Declined(refused);
    }

    @Override
    public void capture(String reference, Money amount) {
        // Spent when authorised.
    }

    @Override
    public void voidAuthorisation(String reference) {
        PointsTender points = tender.getIfAvailable();
        if (points != null) {
            points.giveBack(reference, "void:" + reference, null);
        }
    }

    @Override
    public void refund(String reference, String refundReference, Money amount) {
        PointsTender points = tender.getIfAvailable();
        if (points != null) {
            points.giveBack(reference, refundReference, amount);
        }
    }
}
