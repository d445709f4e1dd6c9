package io.throughline.orders.internal;

import io.throughline.orders.PaymentMethod;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The adapter for each payment method; one adapter per method. */
@Component
class PaymentProcessors {

    private final Map<PaymentMethod, PaymentProcessor> byMethod = new EnumMap<>(PaymentMethod.class);

    PaymentProcessors(List<PaymentProcessor> processors) {
        for (PaymentProcessor processor : processors) {
            for (PaymentMethod method : processor.methods()) {
                if (byMethod.put(method, processor) != null) {
                    throw new IllegalStateException("Two payment processors take " + method);
                }
            }
        }
    }

    PaymentProcessor of(PaymentMethod method) {
        PaymentProcessor processor = byMethod.get(method);
        if (processor == null) {
            throw new IllegalStateException("No payment processor takes " + method);
        }
        return processor;
    }
}
